#!/usr/bin/env bash
# Until the first release each provider has one initial migration: a schema change is folded into it by
# regenerating it from the model, never by adding a migration. This does that for SQLite and PostgreSQL, and
# keeps the published-version and audit triggers (which the model cannot express) in both.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/Concordat.Core/Migrations/Sqlite src/Concordat.Core/Migrations/Postgres
dotnet build src/Concordat.Core -c Release -v quiet -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add Initial --no-build --configuration Release --project src/Concordat.Core \
    --context "${provider}ConcordatDb" --output-dir "Migrations/$provider" >/dev/null
  migration=$(ls "src/Concordat.Core/Migrations/$provider"/*_Initial.cs)
  python3 - "$migration" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8-sig").read()
down = text.index("protected override void Down")
end_of_up = text.rindex("        }", 0, down)
text = (text[:end_of_up] + "\n            // Not expressible in the model: see PublishedVersionTriggers and AuditTriggers.\n"
        + "            PublishedVersionTriggers.Create(migrationBuilder);\n"
        + "            AuditTriggers.Create(migrationBuilder);\n" + text[end_of_up:])
text = text.replace("using Microsoft.EntityFrameworkCore.Migrations;",
                    "using Concordat.Core.History;\nusing Concordat.Core.Strategy;\nusing Microsoft.EntityFrameworkCore.Migrations;", 1)
open(path, "w", encoding="utf-8-sig").write(text)
PY
  echo "Regenerated $migration"
done
