-- 0001: the whole storage of DESIGN.md §6.

-- A scope owns records.  `version` is the commit-ordered counter of the scope: the first write
-- of a transaction bumps it and holds the row lock until commit (see record_stamp_version).
-- `epoch` changes when the database is restored; `purge_horizon` is the highest version whose
-- tombstones may already have been purged.
CREATE TABLE scope (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('programme', 'institution', 'person')),
  name text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  epoch uuid NOT NULL DEFAULT gen_random_uuid (),
  purge_horizon bigint NOT NULL DEFAULT 0,
  writer_xid bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now ()
);
CREATE UNIQUE INDEX scope_one_programme ON scope (kind) WHERE kind = 'programme';

CREATE TABLE person (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('leader', 'programme_office')),
  password_hash text NOT NULL,
  scope_id uuid NOT NULL UNIQUE REFERENCES scope (id),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now ()
);

-- A leader's institution.  (The programme office reads every scope without rows here.)
CREATE TABLE membership (
  person_id uuid NOT NULL REFERENCES person (id),
  scope_id uuid NOT NULL REFERENCES scope (id),
  PRIMARY KEY (person_id, scope_id)
);

-- Devices are per person: two people signing in on one machine never share a seq space.
CREATE TABLE device (
  person_id uuid NOT NULL REFERENCES person (id),
  id uuid NOT NULL,
  name text NOT NULL DEFAULT '',
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now (),
  last_seen_at timestamptz NOT NULL DEFAULT now (),
  PRIMARY KEY (person_id, id)
);

CREATE TABLE mutation_log (
  person_id uuid NOT NULL,
  device_id uuid NOT NULL,
  seq bigint NOT NULL,
  mutation_id uuid NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now (),
  PRIMARY KEY (person_id, device_id, seq),
  FOREIGN KEY (person_id, device_id) REFERENCES device (person_id, id)
);

CREATE TABLE record (
  scope_id uuid NOT NULL REFERENCES scope (id),
  type text COLLATE "C" NOT NULL,
  id uuid NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  deleted boolean NOT NULL DEFAULT false,
  parent_id uuid,
  fields jsonb NOT NULL DEFAULT '{}',
  created_by_mutation uuid,
  updated_by uuid REFERENCES person (id),
  server_updated_at timestamptz NOT NULL DEFAULT now (),
  deleted_at timestamptz,
  PRIMARY KEY (scope_id, id)
);
CREATE INDEX record_pull ON record (scope_id, version, type, id);
CREATE INDEX record_by_id ON record (id);
CREATE INDEX record_by_parent ON record (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX record_tombstones ON record (deleted_at) WHERE deleted;

-- Stamps every written row with its scope's version for this transaction.
CREATE FUNCTION record_stamp_version () RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  me bigint := txid_current ();
  current_version bigint;
  current_writer bigint;
BEGIN
  SELECT version, writer_xid INTO current_version, current_writer
    FROM scope WHERE id = NEW.scope_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'record in an unknown scope';
  END IF;
  IF current_writer = me THEN
    NEW.version := current_version;
  ELSE
    UPDATE scope SET version = version + 1, writer_xid = me
     WHERE id = NEW.scope_id
     RETURNING version INTO NEW.version;
  END IF;
  NEW.server_updated_at := now ();
  IF NEW.deleted AND NEW.deleted_at IS NULL THEN
    NEW.deleted_at := now ();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER record_stamp BEFORE INSERT OR UPDATE ON record
  FOR EACH ROW EXECUTE FUNCTION record_stamp_version ();

-- Sessions: one row per issued token pair; rotation adds a row to the same family.
CREATE TABLE session (
  id bigserial PRIMARY KEY,
  family uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  device_id uuid,
  access_hash text NOT NULL UNIQUE,
  refresh_hash text NOT NULL UNIQUE,
  access_expires_at timestamptz NOT NULL,
  refresh_expires_at timestamptz NOT NULL,
  rotated boolean NOT NULL DEFAULT false,
  revoked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now ()
);
CREATE INDEX session_family ON session (family);
CREATE INDEX session_person ON session (person_id);

-- Failed sign-ins, counted per account and per address by every server instance.
CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now ()
);
CREATE INDEX login_attempt_username ON login_attempt (username, at);
CREATE INDEX login_attempt_address ON login_attempt (address, at);

-- Pull cursors too long to travel inline (a programme office reads every scope): the client
-- holds the hash, the positions live here, shared by every server instance.
CREATE TABLE pull_cursor (
  hash text PRIMARY KEY,
  positions text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now (),
  last_used_at timestamptz NOT NULL DEFAULT now ()
);

INSERT INTO scope (id, kind, name) VALUES (gen_random_uuid (), 'programme', 'Edaad programme');
