import { describe, expect, it } from "vitest";
import { csvCell, csvFilename, toCsv } from "~/domain/reporting/csv";

describe("CSV cells", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Performance licences")).toBe("Performance licences");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(8.5)).toBe("8.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("")).toBe("");
    expect(csvCell("75%")).toBe("75%");
  });

  it("quotes text with a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvCell("No tutor, no chaperone")).toBe('"No tutor, no chaperone"');
    expect(csvCell('The school said "no"')).toBe('"The school said ""no"""');
    expect(csvCell("First line\nSecond line")).toBe('"First line\nSecond line"');
    expect(csvCell("Windows\r\nline")).toBe('"Windows\r\nline"');
  });

  it("puts a single quote before text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"Click\")")).toBe('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(csvCell("+44 1632 960000")).toBe("'+44 1632 960000");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tindented")).toBe("'\tindented");
    expect(csvCell("- References unsatisfactory\n- No training")).toBe("\"'- References unsatisfactory\n- No training\"");
    // only at the start
    expect(csvCell("1+1=2")).toBe("1+1=2");
  });
});

describe("CSV files", () => {
  it("are a header row and rows, each ending in CRLF", () => {
    expect(
      toCsv(
        ["Kind", "Reason", "Refusals"],
        [
          ["Performance licences", "No tutor, no chaperone", 2],
          ["Chaperone approvals", "=1+1", 1],
        ],
      ),
    ).toBe('Kind,Reason,Refusals\r\nPerformance licences,"No tutor, no chaperone",2\r\nChaperone approvals,\'=1+1,1\r\n');
    expect(toCsv(["Figure", "Number"], [])).toBe("Figure,Number\r\n");
  });

  it("are named by council, table and period with safe characters only", () => {
    expect(csvFilename("NMC", "licence-decisions", { from: "2025-04-01", to: "2026-03-31" })).toBe("NMC-licence-decisions-2025-04-01-to-2026-03-31.csv");
    expect(csvFilename('N"M;C', "x/../y", { from: "2025-04-01", to: "2026-03-31" })).toBe("N-M-C-x-y-2025-04-01-to-2026-03-31.csv");
  });
});
