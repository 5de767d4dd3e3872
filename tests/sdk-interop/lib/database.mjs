// Reads what the server stored, to prove facts the API never answers (a password hash verifies).
// USERPOOL_DATABASE_URL is set by run.sh from the server's private PostgreSQL cluster.
import pg from 'pg';

export function databaseUrl() {
  const url = process.env.USERPOOL_DATABASE_URL;
  if (!url) throw new Error('sdk-interop: USERPOOL_DATABASE_URL is not set (run the suite through tests/sdk-interop/run.sh)');
  return url;
}

/** The stored password hash of an account, by id. */
export async function passwordHashOf(accountId) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT password_hash FROM accounts WHERE id = $1', [accountId]);
    return rows[0]?.password_hash ?? null;
  } finally {
    await client.end();
  }
}
