import type { Client } from "discord.js";
import type { Logger } from "../logging/logger.js";

type Packet = { t?: string | null; d?: unknown };
type Fields = Record<string, unknown>;

/**
 * Fields discord.js reads without checking that Discord always sends, but that self-hosted
 * Discord-compatible servers omit or send as null. Filled with their empty value so discord.js can
 * build its structures.
 */
const DEFAULTS: Record<string, Fields> = {
  INTERACTION_CREATE: {
    entitlements: [],
    locale: "en-US",
    authorizing_integration_owners: {},
    // Unknown permissions: assume none, so the bot answers in plain text, which always works.
    app_permissions: "0",
  },
  MESSAGE_CREATE: {
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    content: "",
  },
  MESSAGE_UPDATE: { mentions: [], mention_roles: [], attachments: [], embeds: [], components: [] },
};

/** Fills what is missing; returns the names of the fields it had to fill. */
export function fillMissingFields(packet: Packet): string[] {
  const defaults = packet.t ? DEFAULTS[packet.t] : undefined;
  const data = packet.d;
  if (!defaults || typeof data !== "object" || data === null) return [];
  const filled: string[] = [];
  const record = data as Fields;
  for (const [field, value] of Object.entries(defaults)) {
    if (record[field] === undefined || record[field] === null) {
      record[field] = structuredClone(value);
      filled.push(field);
    }
  }
  const options = (record.data as Fields | undefined)?.options;
  if (
    packet.t === "INTERACTION_CREATE" &&
    record.data &&
    (options === null || (options !== undefined && !Array.isArray(options)))
  ) {
    (record.data as Fields).options = [];
    filled.push("data.options");
  }
  return filled;
}

/**
 * Wraps discord.js's packet handling: odd payloads are repaired where a default is known, and a
 * payload discord.js still cannot handle is logged and dropped. discord.js handles packets inside
 * an async event emitter, so an exception there would otherwise become an unhandled rejection,
 * which ends a Node process.
 */
export function guardGatewayPackets(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as { handlePacket: (packet: Packet, shard: unknown) => boolean };
  const handle = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    try {
      if (packet) {
        const filled = fillMissingFields(packet);
        if (filled.length > 0)
          logger.warn({ event: packet.t, filled }, "gateway payload lacked fields; filled with defaults");
      }
      return handle(packet, shard);
    } catch (error) {
      logger.warn({ event: packet?.t, err: error }, "gateway payload could not be handled; dropped");
      return false;
    }
  };
}
