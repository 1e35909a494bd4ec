/**
 * The TypeScript client of the Pipelines API: typed clients for the native API (`/api`) and
 * the External API v1 (`/api/v1`) on openapi-fetch. This file is the only hand-written one
 * under src/; `pipelines.ts` and `external-v1.ts` are generated from openapi/*.yaml by
 * `make generate` (scripts/generate_clients.py) and must never be edited.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths as NativePaths } from "./pipelines.js";
import type { paths as ExternalV1Paths } from "./external-v1.js";

/** The native spec's types: `native.components["schemas"]["Project"]`, `native.operations[...]`. */
export type * as native from "./pipelines.js";
/** The External API v1 spec's types. */
export type * as v1 from "./external-v1.js";

export type PipelinesClient = Client<NativePaths>;
export type ExternalV1Client = Client<ExternalV1Paths>;

export interface ConnectOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The server's root URL, without `/api` (default http://127.0.0.1:8000). */
  baseUrl?: string;
  /** An API key (`pk_live_...`); sent as `Authorization: Bearer` (native) or `X-API-Key` (v1). */
  apiKey?: string;
}

const DEFAULT_BASE_URL = "http://127.0.0.1:8000";

function root(baseUrl: string | undefined): string {
  return (baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, "");
}

function withHeader(
  headers: ClientOptions["headers"],
  name: string,
  value: string | undefined,
): ClientOptions["headers"] {
  if (value === undefined) return headers;
  const merged = new Headers(headers as HeadersInit | undefined);
  merged.set(name, value);
  return merged;
}

/** A client of the native API (`/api`, openapi/pipelines.yaml). */
export function pipelinesClient(options: ConnectOptions = {}): PipelinesClient {
  const { baseUrl, apiKey, headers, ...rest } = options;
  return createClient<NativePaths>({
    ...rest,
    baseUrl: `${root(baseUrl)}/api`,
    headers: withHeader(headers, "Authorization", apiKey && `Bearer ${apiKey}`),
  });
}

/** A client of the deprecated External API v1 (`/api/v1`, openapi/external-v1.yaml). */
export function externalV1Client(options: ConnectOptions = {}): ExternalV1Client {
  const { baseUrl, apiKey, headers, ...rest } = options;
  return createClient<ExternalV1Paths>({
    ...rest,
    baseUrl: `${root(baseUrl)}/api/v1`,
    headers: withHeader(headers, "X-API-Key", apiKey),
  });
}

/** A reply other than 2xx: its status and the server's body (`{"detail": ...}`). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(`${status}: ${ApiError.message(body)}`);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }

  private static message(body: unknown): string {
    if (body && typeof body === "object") {
      const record = body as Record<string, unknown>;
      const detail = record.detail ?? record.message ?? record.error;
      if (typeof detail === "string") return detail;
      if (detail !== undefined) return JSON.stringify(detail);
    }
    return typeof body === "string" && body ? body : "request failed";
  }
}

interface Reply {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful reply, or throws ApiError: `await ok(api.GET("/projects"))`.
 * openapi-fetch answers `{data}` or `{error}`; this narrows it to the data for straight-line code.
 */
export async function ok<R extends Reply>(reply: Promise<R> | R): Promise<NonNullable<R["data"]>> {
  const { data, error, response } = await reply;
  if (!response.ok) throw new ApiError(response.status, error);
  return data as NonNullable<R["data"]>;
}
