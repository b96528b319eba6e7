-- What 'alembic upgrade a1f3c9 --sql' (Alembic 1.8.1, PostgreSQL dialect) printed, as printed;
-- recorded by record.sh.
BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1f3c9

INSERT INTO alembic_version (version_num) VALUES ('a1f3c9') RETURNING alembic_version.version_num;

COMMIT;

