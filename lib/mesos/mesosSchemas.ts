// The Mesos master's v0 JSON replies (/master/state, /master/state-summary, /master/slaves,
// /master/frameworks, /master/tasks, /version, /metrics/snapshot), validated where they enter
// Armdeck. Field lists: ../shared/reference/mesos/state-fields.md (1.4.0 writers, §7 for 1.11).
// Every field but ids is optional and unknown keys are dropped (z.object strips), because 1.4 and
// 1.11 differ and the notes advise "make every field optional except id".

import { z } from "zod";

/** Mesos 1.4 writes every double with a decimal point ("cpus": 2.0); JSON.parse reads that fine,
 * but a value quoted by a proxy or an older writer ("2.0") is accepted too. */
export const mesosNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, "not a number")
    .transform(Number),
]);

/** Resources object (state-fields.md §5): cpus/gpus/mem/disk always present on a real master
 * (0.0 when absent); ranges ("[31000-32000]") and sets ("{a, b}") are strings; other scalars by name. */
export const mesosResourcesSchema = z
  .object({
    cpus: mesosNumber.default(0),
    gpus: mesosNumber.default(0),
    mem: mesosNumber.default(0),
    disk: mesosNumber.default(0),
    ports: z.string().optional(),
  })
  .catchall(z.union([mesosNumber, z.string()]));
export type MesosResources = z.output<typeof mesosResourcesSchema>;

const emptyResources = () => mesosResourcesSchema.parse({});

const labelsSchema = z.array(z.object({ key: z.string(), value: z.string().optional() })).optional();

const ipAddressSchema = z.object({ ip_address: z.string().optional(), protocol: z.string().optional() });
const networkInfoSchema = z.object({
  ip_addresses: z.array(ipAddressSchema).optional(),
  name: z.string().optional(),
  groups: z.array(z.string()).optional(),
  labels: z.object({ labels: labelsSchema }).optional(),
});

export const mesosTaskStatusSchema = z.object({
  state: z.string(),
  timestamp: mesosNumber.optional(),
  healthy: z.boolean().optional(),
  labels: labelsSchema,
  container_status: z
    .object({
      container_id: z.object({ value: z.string() }).optional(),
      network_infos: z.array(networkInfoSchema).optional(),
    })
    .optional(),
});

export const mesosTaskSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  framework_id: z.string().optional(),
  executor_id: z.string().optional(),
  slave_id: z.string().optional(),
  state: z.string(),
  resources: mesosResourcesSchema.default(emptyResources),
  role: z.string().optional(),
  statuses: z.array(mesosTaskStatusSchema).default([]),
  labels: labelsSchema,
  // Protobuf objects whose exact default-valued fields vary by version: kept as they come.
  container: z.record(z.string(), z.unknown()).optional(),
  discovery: z.record(z.string(), z.unknown()).optional(),
});
export type MesosTask = z.output<typeof mesosTaskSchema>;

const attributesSchema = z.record(z.string(), z.union([mesosNumber, z.string()])).default({});

export const mesosAgentSchema = z.object({
  id: z.string(),
  hostname: z.string(),
  port: mesosNumber.optional(),
  pid: z.string().optional(),
  attributes: attributesSchema,
  registered_time: mesosNumber.optional(),
  reregistered_time: mesosNumber.optional(),
  resources: mesosResourcesSchema.default(emptyResources),
  used_resources: mesosResourcesSchema.default(emptyResources),
  offered_resources: mesosResourcesSchema.default(emptyResources),
  reserved_resources: z.record(z.string(), mesosResourcesSchema).default({}),
  unreserved_resources: mesosResourcesSchema.default(emptyResources),
  active: z.boolean().default(true),
  /** 1.11 only (R11:309). */
  deactivated: z.boolean().optional(),
  version: z.string().optional(),
  capabilities: z.array(z.string()).default([]),
});
export type MesosAgent = z.output<typeof mesosAgentSchema>;

const recoveredAgentSchema = z.object({ id: z.string(), hostname: z.string().optional(), port: mesosNumber.optional() });

export const mesosFrameworkSchema = z.object({
  id: z.string(),
  name: z.string().default(""),
  pid: z.string().optional(),
  hostname: z.string().optional(),
  webui_url: z.string().optional(),
  user: z.string().optional(),
  active: z.boolean().default(true),
  connected: z.boolean().optional(),
  recovered: z.boolean().optional(),
  // MULTI_ROLE frameworks write `roles`, others `role`, never both (state-fields.md §3).
  role: z.string().optional(),
  roles: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).default([]),
  registered_time: mesosNumber.optional(),
  unregistered_time: mesosNumber.optional(),
  failover_timeout: mesosNumber.optional(),
  resources: mesosResourcesSchema.default(emptyResources),
  used_resources: mesosResourcesSchema.default(emptyResources),
  offered_resources: mesosResourcesSchema.default(emptyResources),
  tasks: z.array(mesosTaskSchema).default([]),
  unreachable_tasks: z.array(mesosTaskSchema).default([]),
  completed_tasks: z.array(mesosTaskSchema).default([]),
  executors: z.array(z.record(z.string(), z.unknown())).default([]),
  offers: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type MesosFramework = z.output<typeof mesosFrameworkSchema>;

export const mesosLeaderInfoSchema = z.object({
  id: z.string().optional(),
  pid: z.string().optional(),
  hostname: z.string().optional(),
  port: mesosNumber.optional(),
});

export const mesosStateSchema = z.object({
  version: z.string().optional(),
  git_sha: z.string().optional(),
  git_tag: z.string().optional(),
  build_date: z.string().optional(),
  build_time: mesosNumber.optional(),
  start_time: mesosNumber.optional(),
  elected_time: mesosNumber.optional(),
  id: z.string(),
  pid: z.string().optional(),
  hostname: z.string().optional(),
  cluster: z.string().optional(),
  activated_slaves: mesosNumber.optional(),
  deactivated_slaves: mesosNumber.optional(),
  unreachable_slaves: mesosNumber.optional(),
  /** Deprecated leader pid ("master@192.0.2.1:5050"); only while a leader is known. */
  leader: z.string().optional(),
  leader_info: mesosLeaderInfoSchema.optional(),
  flags: z.record(z.string(), z.string()).default({}),
  capabilities: z.array(z.string()).optional(),
  slaves: z.array(mesosAgentSchema).default([]),
  recovered_slaves: z.array(recoveredAgentSchema).default([]),
  frameworks: z.array(mesosFrameworkSchema).default([]),
  completed_frameworks: z.array(mesosFrameworkSchema).default([]),
});
export type MesosState = z.output<typeof mesosStateSchema>;

/** /master/state-summary: agents and frameworks with per-state task counts (TASK_RUNNING: n, kept), no task list. */
export const mesosStateSummarySchema = z.object({
  hostname: z.string().optional(),
  cluster: z.string().optional(),
  slaves: z.array(mesosAgentSchema.extend({ framework_ids: z.array(z.string()).default([]) }).catchall(z.unknown())).default([]),
  frameworks: z
    .array(
      z
        .object({ id: z.string(), name: z.string().default(""), slave_ids: z.array(z.string()).default([]), used_resources: mesosResourcesSchema.default(emptyResources) })
        .catchall(z.unknown()),
    )
    .default([]),
});
export type MesosStateSummary = z.output<typeof mesosStateSummarySchema>;

export const mesosSlavesSchema = z.object({
  slaves: z.array(mesosAgentSchema).default([]),
  recovered_slaves: z.array(recoveredAgentSchema).default([]),
});

export const mesosFrameworksSchema = z.object({
  frameworks: z.array(mesosFrameworkSchema).default([]),
  completed_frameworks: z.array(mesosFrameworkSchema).default([]),
});

export const mesosTasksSchema = z.object({ tasks: z.array(mesosTaskSchema).default([]) });

export const mesosVersionSchema = z.object({
  version: z.string(),
  git_sha: z.string().optional(),
  git_tag: z.string().optional(),
  build_date: z.string().optional(),
  build_time: mesosNumber.optional(),
  build_user: z.string().optional(),
});
export type MesosVersion = z.output<typeof mesosVersionSchema>;

/** /metrics/snapshot: one flat object, every value a double (`_percent` is a fraction 0..1). */
export const mesosMetricsSchema = z.record(z.string(), mesosNumber);
export type MesosMetrics = z.output<typeof mesosMetricsSchema>;
