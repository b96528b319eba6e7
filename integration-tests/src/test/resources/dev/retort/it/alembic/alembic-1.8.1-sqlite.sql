-- The database 'alembic upgrade a1f3c9' (Alembic 1.8.1, SQLAlchemy 1.4.46)
-- left in a new SQLite file, as Python's sqlite3 iterdump() writes it; recorded by record.sh.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('a1f3c9');
COMMIT;
