#!/usr/bin/env bash
# Builds target/storybot.jar with Maven. CI runs it as is (goal verify: every test); the Docker build runs it with
# SKIP_TESTS=true and goal package, because CI has already run the tests on the same sources.
# Usage: docker/build-jar.sh [maven goal...]   (default: verify)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then set -- verify; fi
mvn -B -ntp -DskipTests="${SKIP_TESTS:-false}" "$@"
test -s target/storybot.jar
