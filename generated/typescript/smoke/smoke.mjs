// Smoke test of the generated TypeScript client against a running server (tests/client/
// test_typescript.py starts one): create a project, a workflow and tasks on the native API,
// read them back there and through the External API v1, and see a 404 become an ApiError.
// `tsc --noEmit --strict` checks this file against the generated types (checkJs).
// Usage: PIPELINES_BASE_URL=http://127.0.0.1:8000 PIPELINES_API_KEY=pk_live_... node smoke/smoke.mjs
import assert from "node:assert/strict";
import { ApiError, externalV1Client, ok, pipelinesClient } from "pipelines-client";

const options = { baseUrl: process.env.PIPELINES_BASE_URL, apiKey: process.env.PIPELINES_API_KEY };
const api = pipelinesClient(options);
const v1 = externalV1Client(options);

const me = await ok(api.GET("/auth/me"));
assert.ok(me.org_id > 0);

const project = await ok(api.POST("/projects", { body: { name: "TypeScript smoke" } }));
assert.equal((await ok(api.GET("/projects/{project_id}", { params: { path: { project_id: project.id } } }))).name, "TypeScript smoke");

const workflow = await ok(
  api.POST("/projects/{project_id}/workflows", {
    params: { path: { project_id: project.id } },
    body: {
      name: "Smoke",
      fields: [
        { name: "text", type: "short_text", required: true },
        { name: "language", type: "select", options: ["French", "German"], required: true },
      ],
    },
  }),
);
const path = { project_id: project.id, workflow_id: workflow.id };
await ok(api.POST("/projects/{project_id}/workflows/{workflow_id}/activate", { params: { path } }));
assert.equal((await ok(api.GET("/projects/{project_id}/workflows/{workflow_id}", { params: { path } }))).status, "ACTIVE");

// Partial success: two good rows are created, the third is listed with its error.
const created = await ok(
  api.POST("/projects/{project_id}/workflows/{workflow_id}/create-tasks", {
    params: { path, header: { "Idempotency-Key": `ts-smoke-${project.id}` } },
    body: {
      tasks: [
        { fields: { text: "Hello", language: "French" } },
        { fields: { text: "World", language: "German" } },
        { fields: { text: "No language" } },
      ],
    },
  }),
);
assert.equal(created.success_count, 2);
assert.equal(created.error_count, 1);
assert.equal(created.errors[0]?.index, 2);
assert.equal(created.task_ids.length, 2);

const page = await ok(
  api.GET("/projects/{project_id}/workflows/{workflow_id}/tasks", { params: { path, query: { page: 1, page_size: 10 } } }),
);
assert.equal(page.total, 2);
assert.deepEqual(page.items.map((task) => task.id).sort((a, b) => a - b), [...created.task_ids].sort((a, b) => a - b));

const texts = [];
for (const task_id of created.task_ids) {
  const task = await ok(
    api.GET("/projects/{project_id}/workflows/{workflow_id}/tasks/{task_id}", { params: { path: { ...path, task_id } } }),
  );
  assert.equal(task.id, task_id);
  texts.push(String(task.fields.text));
  const same = await ok(v1.GET("/workflows/{workflow_id}/tasks/{task_id}", { params: { path: { workflow_id: workflow.id, task_id } } }));
  assert.equal(same.id, task_id);
}
assert.deepEqual(texts.sort(), ["Hello", "World"]);

const v1Page = await ok(v1.GET("/workflows/{workflow_id}/tasks", { params: { path: { workflow_id: workflow.id }, query: { limit: 10 } } }));
assert.equal(v1Page.tasks.length, 2);

// Errors carry the status and the server's message.
const missing = await ok(api.GET("/projects/{project_id}", { params: { path: { project_id: 999999999 } } })).then(
  () => null,
  (error) => error,
);
assert.ok(missing instanceof ApiError, String(missing));
assert.equal(missing.status, 404);

console.log(JSON.stringify({ project: project.id, workflow: workflow.id, tasks: created.task_ids, texts }));
