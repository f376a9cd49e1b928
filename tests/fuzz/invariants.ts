import { sql } from "drizzle-orm";
import type { Db } from "~/server/db.server";

/** The longest text any form accepts (a concern's description); nothing stored from a form may be longer. */
const LONGEST_TEXT = 10_000;
/** Text the service writes itself, not from a form: a rendered email. */
const OWN_TEXT = new Set(["mailbox.html", "mailbox.text"]);

/**
 * What no stored record may hold, whatever was posted: text longer than any form allows, a control character
 * (other than tab and line breaks), or a date outside 1900–2100. Returns each offending column, empty when all
 * is well.
 */
export async function invalidStoredValues(db: Db) {
  const columns = (await db.execute(
    sql`select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() and data_type in ('text', 'character varying', 'date') order by 1, 2`,
  )) as unknown as { rows?: Row[] } | Row[];
  const rows: Row[] = Array.isArray(columns) ? columns : (columns.rows ?? []);
  const checks = rows
    .filter((c) => !OWN_TEXT.has(`${c.table_name}.${c.column_name}`))
    .map((c) => {
      const column = `"${c.table_name}"."${c.column_name}"`;
      const bad =
        c.data_type === "date"
          ? `${column} < date '1900-01-01' or ${column} > date '2100-12-31'`
          : `length(${column}) > ${LONGEST_TEXT} or ${column} ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'`;
      return `(select '${c.table_name}.${c.column_name}' as problem from "${c.table_name}" where ${bad} limit 1)`;
    });
  if (!checks.length) return [];
  const found = (await db.execute(sql.raw(checks.join(" union all ")))) as unknown as { rows?: { problem: string }[] } | { problem: string }[];
  return (Array.isArray(found) ? found : (found.rows ?? [])).map((r) => r.problem);
}

type Row = { table_name: string; column_name: string; data_type: string };
