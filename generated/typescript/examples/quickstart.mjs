import { ok, pipelinesClient } from "pipelines-client";

const api = pipelinesClient({
  baseUrl: process.env.PIPELINES_BASE_URL, // default http://127.0.0.1:8000
  apiKey: process.env.PIPELINES_API_KEY,
});

const project = await ok(api.POST("/projects", { body: { name: "From TypeScript" } }));
const workflow = await ok(
  api.POST("/projects/{project_id}/workflows", {
    params: { path: { project_id: project.id } },
    body: { name: "Greetings", fields: [{ name: "text", type: "short_text", required: true }] },
  }),
);
const path = { project_id: project.id, workflow_id: workflow.id };
await ok(api.POST("/projects/{project_id}/workflows/{workflow_id}/activate", { params: { path } }));
const created = await ok(
  api.POST("/projects/{project_id}/workflows/{workflow_id}/create-tasks", {
    params: { path },
    body: { tasks: [{ fields: { text: "Hello" } }, { fields: { text: "World" } }] },
  }),
);
const tasks = await ok(api.GET("/projects/{project_id}/workflows/{workflow_id}/tasks", { params: { path } }));
console.log(created.task_ids, tasks.items.map((task) => task.fields.text));
