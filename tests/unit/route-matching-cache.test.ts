import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// patches/@remix-run+router: matches are remembered per route tree and pathname (decision 031).
const routes = [
  { id: "root", path: "/", children: [{ id: "child", path: "children/:childId" }, { id: "index", index: true }] },
  { id: "checker", path: "/check-if-a-licence-is-needed/result" },
];

describe("remembered route matches", () => {
  it("give the same answer as matching afresh, for each pathname", () => {
    const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
    expect(ids("/children/7")).toEqual(["root", "child"]);
    expect(ids("/")).toEqual(["root", "index"]);
    expect(ids("/check-if-a-licence-is-needed/result")).toEqual(["checker"]);
    expect(ids("/nowhere")).toBeNull();
    expect(ids("/children/7")).toEqual(["root", "child"]);
    expect(matchRoutes(routes, "/children/8")?.[1].params).toEqual({ childId: "8" });
  });

  it("hand each caller its own copy, so one caller's change never reaches the next", () => {
    const first = matchRoutes(routes, "/children/9");
    if (!first) throw new Error("no match");
    (first[1].params as Record<string, string>).childId = "changed";
    first[1].pathname = "/changed";
    first.pop();
    const again = matchRoutes(routes, "/children/9");
    expect(again?.length).toBe(2);
    expect(again?.[1].params).toEqual({ childId: "9" });
    expect(again?.[1].pathname).toBe("/children/9");
  });

  it("forget the oldest pathnames after 1,000, and still match them", () => {
    for (let i = 0; i < 1_100; i++) matchRoutes(routes, `/children/${i}`);
    expect(matchRoutes(routes, "/children/0")?.[1].params).toEqual({ childId: "0" });
  });
});
