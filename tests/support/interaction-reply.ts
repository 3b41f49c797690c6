import { InteractionResponseType } from "discord.js";
import type { DiscordStandIn } from "./discord-standin.js";
import type { Json } from "./json.js";

/** The bot's reply to an interaction, following a deferred reply to its edit. */
export async function replyTo(standIn: DiscordStandIn, sent: { id: string; token: string }): Promise<Json> {
  const first = (await standIn.firstResponse(sent.id)).request.body as Json;
  if (first.type !== InteractionResponseType.DeferredChannelMessageWithSource) return first.data;
  const edit = await standIn.waitForRequest(
    (request) => request.method === "PATCH" && request.path.includes(sent.token),
  );
  return edit.body as Json;
}
