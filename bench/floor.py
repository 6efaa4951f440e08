"""The floor of a capture command: Python, sqlcipher3, the key, opening the journal with it,
and one synced insert — nothing of AI Journal. bench/run.py runs it beside `aijournal log-ai`.

    floor.py passphrase JOURNAL.db PASSPHRASE      # SQLCipher's key derivation included
    floor.py secret-service JOURNAL.db ACCOUNT     # the key read from the Secret Service
"""

import sys

import sqlcipher3


def main() -> None:
    mode, db, given = sys.argv[1:4]
    if mode == "secret-service":
        import secretstorage

        bus = secretstorage.dbus_init()
        collection = secretstorage.get_default_collection(bus)
        item = next(iter(collection.search_items({"service": "aijournal", "username": given})))
        pragma = "\"x'" + item.get_secret().decode() + "'\""
    else:
        pragma = "'" + given.replace("'", "''") + "'"
    conn = sqlcipher3.connect(db, isolation_level=None)
    conn.execute(f"PRAGMA key = {pragma}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('bench', '1')"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )
    conn.execute("COMMIT")


if __name__ == "__main__":
    main()
