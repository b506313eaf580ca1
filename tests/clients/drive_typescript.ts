// Every operation of the API through openapi-fetch, typed by the `paths` openapi-typescript
// generated from the served document, against a local server with writes allowed. `tsc --strict`
// checks these calls against the generated types before node runs them, so an operation,
// parameter or field the generator could not express fails the test at compile time.
//
// usage: node drive_typescript.js BASE_URL   (schema.d.ts generated beside this file)

import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

declare const process: { argv: string[]; exitCode?: number };

type FrameworkDetail = components["schemas"]["FrameworkDetail"];
type FrameworkInput = components["schemas"]["FrameworkInput"];
type RecommendationRequest = components["schemas"]["RecommendationRequest"];
type Recommendations = components["schemas"]["Recommendations"];

const NEW_ID = "typescript-client-check";
// openapi-fetch repeats an array parameter's key by default (`language=a&language=b`); the
// second client is configured the way the document describes lists (`language=a,b`). The
// server must read both.
const client = createClient<paths>({ baseUrl: process.argv[2] });
const commaClient = createClient<paths>({
  baseUrl: process.argv[2],
  querySerializer: { array: { style: "form", explode: false } },
});

function require(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function sentValues(response: Response, key: string): string[] {
  return new URL(response.url).searchParams.getAll(key);
}

function ok<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  require(
    result.response.status === status,
    `status ${result.response.status}, expected ${status}: ${JSON.stringify(result.error)}`,
  );
  require(result.data !== undefined, `no parsed body for ${status}`);
  return result.data;
}

async function listWithArrayFilters(): Promise<void> {
  for (const [form, sent, using] of [
    ["repeated", ["python", "go"], client],
    ["comma-separated", ["python,go"], commaClient],
  ] as const) {
    const result = await using.GET("/frameworks", { params: { query: { language: ["python", "go"], limit: 100 } } });
    require(
      sentValues(result.response, "language").join("&") === sent.join("&"),
      `${form}: sent ${result.response.url}`,
    );
    const languages = new Set(ok(result, 200).items.map((item) => item.language));
    require(languages.size === 2 && languages.has("python") && languages.has("go"), `${form}: languages ${[...languages]}`);
  }
  const newer = ok(
    await client.GET("/frameworks", { params: { query: { language: ["swift", "scala", "cpp"], limit: 100 } } }),
    200,
  );
  const newerLanguages = new Set(newer.items.map((item) => item.language));
  require(newerLanguages.size === 3 && newerLanguages.has("cpp"), `languages ${[...newerLanguages]}`);
  const whole = ok(await client.GET("/frameworks", { params: { query: { limit: 100 } } }), 200);
  require(whole.items.length >= 60 && whole.next_cursor == null, `${whole.items.length} frameworks in one page`);
  const filtered = ok(
    await client.GET("/frameworks", {
      params: {
        query: {
          language: ["python", "javascript", "typescript"],
          feature: ["websockets"],
          use_case: ["rest_api"],
        },
      },
    }),
    200,
  );
  require(filtered.items.length > 0, "websocket REST frameworks in three languages: none found");
  require(filtered.items.every((item) => item.features.includes("websockets")), "feature filter ignored");
}

async function getThenNotModified(): Promise<void> {
  const first = await client.GET("/frameworks/{id}", { params: { path: { id: "django" } } });
  const django = ok(first, 200);
  require(django.id === "django" && django.language === "python", `got ${django.id}`);
  const facts = django.facts;
  require(facts && facts.source_url.startsWith("https://"), `facts ${JSON.stringify(facts)}`);
  require(facts.latest && facts.latest.date <= facts.as_of.slice(0, 10), `latest ${facts.latest?.date}`);
  const etag = first.response.headers.get("etag");
  require(etag, "no ETag");
  const again = await client.GET("/frameworks/{id}", {
    params: { path: { id: "django" }, header: { "If-None-Match": etag } },
  });
  require(again.response.status === 304 && again.data === undefined, `status ${again.response.status}`);
}

async function latestDays(): Promise<Map<string, string | null>> {
  const listing = ok(await client.GET("/frameworks", { params: { query: { limit: 100 } } }), 200);
  const days = new Map<string, string | null>();
  for (const item of listing.items) {
    const detail = ok(await client.GET("/frameworks/{id}", { params: { path: { id: item.id } } }), 200);
    days.set(item.id, detail.facts?.latest?.date ?? null);
  }
  return days;
}

async function listByRelease(): Promise<void> {
  const days = await latestDays();
  const sorted = ok(await client.GET("/frameworks", { params: { query: { sort: "latest_release", limit: 100 } } }), 200);
  const known = sorted.items.map((item) => days.get(item.id)).filter((day): day is string => !!day);
  require(known.every((day, i) => i === 0 || known[i - 1] >= day), `not newest first: ${known}`);
  const recent = ok(
    await client.GET("/frameworks", { params: { query: { released_within_months: 24, limit: 100 } } }),
    200,
  );
  require(recent.items.length > 0 && recent.items.length < days.size, `kept ${recent.items.length} of ${days.size}`);
  require(recent.items.some((item) => days.get(item.id) === known[0]), "the newest release is missing");
}

async function trends(): Promise<void> {
  const result = ok(await client.GET("/trends"), 200);
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const all = result.by_framework.reduce((sum, series) => sum + total(series.per_year), 0);
  require(all > 0, "no releases counted");
  for (const grouping of [result.by_language, result.by_category]) {
    require(grouping.reduce((sum, series) => sum + total(series.per_year), 0) === all, "groupings do not add up");
  }
  for (const series of result.by_framework) {
    require(total(series.per_quarter) === total(series.per_year), `${series.key}: quarters and years disagree`);
  }
}

async function unknownFrameworkProblem(): Promise<void> {
  const { error, response } = await client.GET("/frameworks/{id}", { params: { path: { id: "djnago" } } });
  require(response.status === 404 && error !== undefined, `status ${response.status}`);
  require(error.status === 404, `problem status ${error.status}`);
  const suggestions = error.suggestions ?? [];
  require(suggestions.includes("django"), `suggestions ${suggestions}`);
}

async function compare(): Promise<void> {
  for (const using of [client, commaClient]) {
    const result = await using.GET("/compare", {
      params: { query: { ids: ["django", "fastapi", "gin"], priorities: ["performance", "security"] } },
    });
    const comparison = ok(result, 200);
    const ids = comparison.frameworks.map((framework) => framework.id);
    require(ids.join(",") === "django,fastapi,gin", `compared ${ids} (sent ${result.response.url})`);
    const winner = comparison.verdict.winner;
    require(winner !== null && ids.includes(winner), `winner ${winner}`);
  }
}

async function recommendProfile(): Promise<void> {
  const result = ok(
    await client.POST("/recommendations", {
      body: {
        use_case: "rest_api",
        priorities: ["performance", "type_safety"],
        deployment: "serverless",
        languages: ["rust", "go"],
        limit: 3,
      },
    }),
    200,
  );
  const count = result.recommendations.length;
  require(count > 0 && count <= 3, `${count} recommendations`);
  require(result.profile.use_case === "rest_api" && result.profile.limit === 3, `profile ${JSON.stringify(result.profile)}`);
  const inLanguages = ok(
    await client.GET("/frameworks", { params: { query: { language: ["rust", "go"], limit: 100 } } }),
    200,
  ).items.map((item) => item.id);
  require(
    result.recommendations.every((r) => inLanguages.includes(r.id)),
    `recommended outside rust and go: ${result.recommendations.map((r) => r.id)}`,
  );
  // The sentences and, beside them, their facts: the same items in the same order.
  for (const item of result.recommendations) {
    require(item.reason_details.map((d) => d.text).join("\n") === item.reasons.join("\n"), `reason details of ${item.id}`);
    require(item.caveat_details.map((d) => d.text).join("\n") === item.caveats.join("\n"), `caveat details of ${item.id}`);
  }
  const suits = result.recommendations[0].reason_details.find((d) => d.kind === "deployment");
  require(suits?.deployment === "serverless", `deployment reason ${JSON.stringify(suits)}`);
}

async function recommendDescription(): Promise<void> {
  const result = ok(
    await client.POST("/recommendations", {
      body: { description: "realtime chat in typescript on lambda, must scale" },
    }),
    200,
  );
  const profile = result.profile;
  require(profile.use_case === "realtime", `read use case ${profile.use_case}`);
  require(profile.languages.join(",") === "typescript", `read languages ${profile.languages}`);
  require(profile.deployment === "serverless", `read deployment ${profile.deployment}`);
  const inTypescript = ok(
    await client.GET("/frameworks", { params: { query: { language: ["typescript"], limit: 100 } } }),
    200,
  ).items.map((item) => item.id);
  require(result.recommendations.length > 0, "no recommendation for a described project");
  require(
    result.recommendations.every((r) => inTypescript.includes(r.id)),
    `recommended outside typescript: ${result.recommendations.map((r) => r.id)}`,
  );
}

async function recommendFrameworksByName(): Promise<void> {
  // "not django" in the words, Django also preferred in the request: the exclusion wins.
  const result = await recommendNaming(
    { description: "internal dashboard in python, not django please", preferred_frameworks: ["flask", "django"] },
    "django",
    "flask",
  );
  require(result.recommendations[0].reason_details[0].kind === "preferred", "flask's first reason is not the preference");
  const django = result.excluded.find((e) => e.id === "django");
  require(django?.named_out === true, `django exclusion ${JSON.stringify(django)}`);
  // Both fields given in the request, no words: the exclusion still wins.
  await recommendNaming(
    {
      use_case: "rest_api",
      languages: ["python"],
      excluded_frameworks: ["fastapi"],
      preferred_frameworks: ["fastapi", "flask"],
    },
    "fastapi",
    "flask",
  );
}

// Asks with `body`: `excluded` is ruled out, and of the preferred frameworks only `preferred` is
// kept and comes first.
async function recommendNaming(body: RecommendationRequest, excluded: string, preferred: string): Promise<Recommendations> {
  const result = ok(await client.POST("/recommendations", { body }), 200);
  const profile = result.profile;
  require(profile.excluded_frameworks.join(",") === excluded, `excluded ${profile.excluded_frameworks}`);
  require(profile.preferred_frameworks.join(",") === preferred, `preferred ${profile.preferred_frameworks}`);
  const ids = result.recommendations.map((r) => r.id);
  require(ids[0] === preferred && !ids.includes(excluded), `recommended ${ids}`);
  return result;
}

async function faqSearchAndEntry(): Promise<void> {
  const found = ok(await client.GET("/faq", { params: { query: { q: "fastest python framework", limit: 3 } } }), 200);
  require(found.items.length > 0 && found.items.length <= 3, `${found.items.length} results`);
  const first = found.items[0];
  require(first.score !== undefined && first.score > 0, `score ${first.score}`);
  const entry = ok(await client.GET("/faq/{id}", { params: { path: { id: first.id } } }), 200);
  require(entry.id === first.id && entry.question === first.question, `entry ${entry.id}`);
}

async function servedDocument(): Promise<void> {
  const document = ok(await client.GET("/openapi.json"), 200);
  require(String(document.openapi).startsWith("3.1"), `openapi ${document.openapi}`);
}

async function writeLifecycle(): Promise<void> {
  const template: FrameworkDetail = ok(
    await client.GET("/frameworks/{id}", { params: { path: { id: "fastapi" } } }),
    200,
  );
  // The facts are the refresh's: typed apart from the input, which may echo but ignores them.
  const { facts: _ignored, ...fields } = template;
  const body: FrameworkInput = { ...fields, id: NEW_ID, name: "TypeScript Client Check" };
  const path = { id: NEW_ID };
  const created = await client.PUT("/frameworks/{id}", { params: { path, header: { "If-None-Match": "*" } }, body });
  const framework = ok(created, 201);
  require(framework.id === NEW_ID && framework.version === 1, `created version ${framework.version}`);
  require(
    Object.keys(template.evidence).length > 0 && JSON.stringify(framework.evidence) === JSON.stringify(template.evidence),
    `evidence not kept: ${JSON.stringify(framework.evidence)}`,
  );
  const conflict = await client.PUT("/frameworks/{id}", { params: { path, header: { "If-None-Match": "*" } }, body });
  require(conflict.response.status === 412 && conflict.error?.status === 412, "create over an existing id");
  const createdTag = created.response.headers.get("etag");
  require(createdTag, "no ETag on create");
  const renamed = { ...body, name: "TypeScript Client Check, replaced" };
  const replaced = await client.PUT("/frameworks/{id}", {
    params: { path, header: { "If-Match": createdTag } },
    body: renamed,
  });
  const replacement = ok(replaced, 200);
  require(replacement.version === 2 && replacement.name === renamed.name, `replaced version ${replacement.version}`);
  const replacedTag = replaced.response.headers.get("etag");
  require(replacedTag, "no ETag on replace");
  const deleted = await client.DELETE("/frameworks/{id}", { params: { path, header: { "If-Match": replacedTag } } });
  require(deleted.response.status === 204, `delete status ${deleted.response.status}`);
  const gone = await client.GET("/frameworks/{id}", { params: { path } });
  require(gone.response.status === 404 && gone.error?.status === 404, `after delete: ${gone.response.status}`);
}

const checks: [string, () => Promise<void>][] = [
  ["listFrameworks with array filters", listWithArrayFilters],
  ["getFramework, then 304 with its ETag", getThenNotModified],
  ["getFramework unknown id: 404 problem", unknownFrameworkProblem],
  ["listFrameworks by latest release, released within 24 months", listByRelease],
  ["getTrends", trends],
  ["compareFrameworks ids + priorities", compare],
  ["recommend with a profile", recommendProfile],
  ["recommend with a description", recommendDescription],
  ["recommend with frameworks by name", recommendFrameworksByName],
  ["listFaq search, then getFaqEntry", faqSearchAndEntry],
  ["openapi", servedDocument],
  ["putFramework create, replace; deleteFramework", writeLifecycle],
];

for (const [name, check] of checks) {
  await check();
  console.log(`typescript client: ok  ${name}`);
}
console.log(`typescript client: ${checks.length} passed, 0 failed`);
