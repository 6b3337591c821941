#!/usr/bin/env bash
# Prepares a faster start-up with class data sharing (AppCDS), the recipe of Spring Boot's
# "Class Data Sharing" documentation, on the JDK 17 the application runs on:
#
#   bench/cds.sh [JAR] [DIR]     (defaults: target/fugitive-tracker-*.jar, target/cds)
#
# 1. extracts the jar into DIR (DIR/<jar name> plus DIR/lib/: classes load from plain jars
#    instead of the nested jars of the fat jar);
# 2. runs the application once until its context has refreshed (-Dspring.context.exit=onRefresh),
#    which connects to the configured database (SPRING_DATASOURCE_URL ...) like a normal start,
#    and writes the classes it loaded to DIR/application.jsa.
#
# Then start it with:
#   java -XX:SharedArchiveFile=DIR/application.jsa -jar DIR/<jar name>
# The archive belongs to this jar and this JDK: build it again after either changes (the JVM
# ignores a stale archive with a warning and starts as without it).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-$(ls target/fugitive-tracker-*.jar | grep -v plain | head -1)}
DIR=${2:-target/cds}
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" > /dev/null
java -XX:ArchiveClassesAtExit="$DIR/application.jsa" -Dspring.context.exit=onRefresh \
  -jar "$DIR/$(basename "$JAR")" --server.port=0 > "$DIR/training.log" 2>&1 \
  || { echo "the training run failed: see $DIR/training.log" >&2; exit 1; }
echo "java -XX:SharedArchiveFile=$DIR/application.jsa -jar $DIR/$(basename "$JAR")"
