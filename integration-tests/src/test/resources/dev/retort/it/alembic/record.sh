#!/bin/sh
# Records the version table Alembic 1.8.1 creates, for AlembicAdoptionTest; the tests themselves
# need no Python. Run from this folder with Alembic installed (Debian/Ubuntu:
# apt-get install -y python3-alembic), then commit the two .sql files it writes.
set -eu
here=$(pwd)
work=$(mktemp -d)
cd "$work"
alembic="/usr/bin/python3 -m alembic"
$alembic init migrations >/dev/null
# Revision a1f3c9 with an empty body: only what Alembic itself writes matters here.
$alembic revision -m "create users" --rev-id a1f3c9 >/dev/null

# SQLite: a real upgrade, then the database dumped as Python's sqlite3 module dumps it.
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///$work/alembic.db|" alembic.ini
$alembic upgrade a1f3c9 2>/dev/null
{
  echo "-- The database 'alembic upgrade a1f3c9' (Alembic 1.8.1, SQLAlchemy $(/usr/bin/python3 -c 'import sqlalchemy; print(sqlalchemy.__version__)'))"
  echo "-- left in a new SQLite file, as Python's sqlite3 iterdump() writes it; recorded by record.sh."
  /usr/bin/python3 -c "import sqlite3, sys
for line in sqlite3.connect(sys.argv[1]).iterdump(): print(line)" "$work/alembic.db"
} > "$here/alembic-1.8.1-sqlite.sql"

# PostgreSQL: Alembic's offline output (--sql) for the same upgrade, as it printed it.
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://user@localhost/db|" alembic.ini
{
  echo "-- What 'alembic upgrade a1f3c9 --sql' (Alembic 1.8.1, PostgreSQL dialect) printed, as printed;"
  echo "-- recorded by record.sh."
  $alembic upgrade a1f3c9 --sql 2>/dev/null
} > "$here/alembic-1.8.1-postgresql.sql"
rm -rf "$work"
