package dev.storybot.cli;

import picocli.CommandLine;

/** Exit codes shared by every subcommand, and the handler that maps exceptions to them. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** Something went wrong that the user can fix: a missing folder, a bad flag value, no stories. */
  public static final int USER_ERROR = 2;
  /** A fault of ours or of the machine (I/O error, bug). */
  public static final int INTERNAL_ERROR = 1;

  private ExitCodes() {}

  /** Thrown for problems the user can fix; its message says what to do, and no stack trace is shown. */
  public static final class UserException extends RuntimeException {
    public UserException(String message) {
      super(message);
    }
  }

  /** Prints a user error as one line on stderr; anything else with its stack trace. */
  static final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
      if (ex instanceof UserException) {
        cl.getErr().println("storybot: " + ex.getMessage());
        return USER_ERROR;
      }
      cl.getErr().println("storybot: internal error: " + ex);
      ex.printStackTrace(cl.getErr());
      return INTERNAL_ERROR;
    }
  }
}
