#!/usr/bin/env bash
# Adds the same named migration to the SQLite, SQL Server and PostgreSQL migrations assemblies.
# Usage: migrations/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: migrations/add-migration.sh MigrationName}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet build "migrations/TrustFund.Migrations.$provider" -v q -nologo >/dev/null
done
for provider in Sqlite SqlServer PostgreSql; do
  project="migrations/TrustFund.Migrations.$provider"
  echo "Adding $name to $project"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations --no-build
done
