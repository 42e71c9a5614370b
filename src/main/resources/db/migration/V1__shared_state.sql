-- What storybot replicas share (issue 15). Every table is prefixed storybot_ so that the database can be shared.

-- Each running replica, kept alive by its heartbeat; one past expires_at is dead and its questions are taken over.
CREATE TABLE storybot_replicas (
  id         text PRIMARY KEY,
  host       text,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Ids handled once: Slack's event_ids (scope 'event') and request signatures (scope 'signature').
CREATE TABLE storybot_seen (
  scope   text        NOT NULL,
  id      text        NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, id)
);
CREATE INDEX storybot_seen_age ON storybot_seen (seen_at);

-- Token buckets: 'user:U123' refilled per minute, 'global' per second. updated_ms is the replica's clock (NTP).
CREATE TABLE storybot_rate_buckets (
  key        text             PRIMARY KEY,
  tokens     double precision NOT NULL,
  updated_ms bigint           NOT NULL,
  told       boolean          NOT NULL DEFAULT false
);

-- The last question answered in each thread, for follow-ups.
CREATE TABLE storybot_threads (
  channel    text        NOT NULL,
  thread_ts  text        NOT NULL,
  question   text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, thread_ts)
);
CREATE INDEX storybot_threads_age ON storybot_threads (updated_at);

-- 👍/👎 clicks, as the feedback log's JSON lines.
CREATE TABLE storybot_feedback (
  id         bigserial   PRIMARY KEY,
  clicked_at timestamptz NOT NULL DEFAULT now(),
  verdict    text        NOT NULL,
  click      jsonb       NOT NULL
);

-- Questions acknowledged and not yet replied to, owned by the replica answering them (null: free to take).
CREATE TABLE storybot_pending (
  id             text        PRIMARY KEY,
  owner          text,
  kind           text        NOT NULL,
  ask            text,
  destination    text,
  channel        text,
  thread_ts      text,
  response_url   text,
  dest_user      text,
  asker          text,
  accepted_at    timestamptz NOT NULL,
  reply_method   text,
  reply_url      text,
  reply_body     text,
  reply_rate_key text,
  answered_at    timestamptz,
  adoptions      integer     NOT NULL DEFAULT 0
);
CREATE INDEX storybot_pending_owner ON storybot_pending (owner);
