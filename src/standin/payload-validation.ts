/**
 * Discord rejects over-long or malformed payloads with 400 / 50035 and a nested `errors` object. The
 * stand-in enforces the limits a Q&A bot is likely to hit, so a reply Discord would refuse fails here too.
 */

import type { APIEmbed } from "discord-api-types/v10";
import { ApplicationCommandType } from "discord-api-types/v10";
import { HttpFailure } from "./http.js";
import { isObject, type JsonObject } from "./json-object.js";

export function invalidFormBody(errors: JsonObject): HttpFailure {
  return new HttpFailure(400, { code: 50035, message: "Invalid Form Body", errors });
}

/** Builds Discord's nested `errors` object for one failing field path like `data.embeds.0.title`. */
export function fieldError(path: string, code: string, message: string): JsonObject {
  const root: JsonObject = {};
  let node = root;
  const parts = path.split(".");
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1) {
      node[part] = { _errors: [{ code, message }] };
    } else {
      const next: JsonObject = {};
      node[part] = next;
      node = next;
    }
  }
  return root;
}

export const maxLength = (path: string, max: number): HttpFailure =>
  invalidFormBody(fieldError(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`));

const prefixed = (prefix: string, field: string): string => (prefix ? `${prefix}.${field}` : field);

function validateEmbeds(embeds: unknown, prefix: string): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    throw invalidFormBody(fieldError(prefixed(prefix, "embeds"), "LIST_TYPE_CONVERT", "Must be an array."));
  }
  if (embeds.length > 10) throw maxLength(prefixed(prefix, "embeds"), 10);
  let total = 0;
  const text = (value: unknown): number => (typeof value === "string" ? value.length : 0);
  for (const [i, embed] of (embeds as APIEmbed[]).entries()) {
    const at = (field: string) => prefixed(prefix, `embeds.${i}.${field}`);
    const limits: Array<[string, unknown, number]> = [
      ["title", embed.title, 256],
      ["description", embed.description, 4096],
      ["footer.text", embed.footer?.text, 2048],
      ["author.name", embed.author?.name, 256],
    ];
    for (const [field, value, max] of limits) {
      if (text(value) > max) throw maxLength(at(field), max);
      total += text(value);
    }
    const fields = embed.fields ?? [];
    if (fields.length > 25) throw maxLength(at("fields"), 25);
    for (const [j, field] of fields.entries()) {
      if (text(field.name) > 256) throw maxLength(at(`fields.${j}.name`), 256);
      if (text(field.value) > 1024) throw maxLength(at(`fields.${j}.value`), 1024);
      total += text(field.name) + text(field.value);
    }
  }
  if (total > 6000) {
    throw invalidFormBody(
      fieldError(
        prefixed(prefix, "embeds"),
        "MAX_EMBED_SIZE_EXCEEDED",
        "Embed size exceeds maximum size of 6000",
      ),
    );
  }
}

function validateComponents(components: unknown, prefix: string): void {
  if (!Array.isArray(components)) return;
  if (components.length > 5) throw maxLength(prefixed(prefix, "components"), 5);
  for (const [i, row] of components.entries()) {
    if (!isObject(row) || !Array.isArray(row.components)) continue;
    for (const [j, component] of row.components.entries()) {
      if (!isObject(component)) continue;
      const at = (field: string) => prefixed(prefix, `components.${i}.components.${j}.${field}`);
      if (typeof component.custom_id === "string" && component.custom_id.length > 100) {
        throw maxLength(at("custom_id"), 100);
      }
      if (typeof component.label === "string" && component.label.length > 80)
        throw maxLength(at("label"), 80);
      if (Array.isArray(component.options) && component.options.length > 25)
        throw maxLength(at("options"), 25);
    }
  }
}

/** Checks the parts of a message body Discord validates that a Q&A bot is most likely to trip over. */
export function validateMessageBody(
  body: JsonObject,
  prefix: string,
  hasFiles: boolean,
  requireContent: boolean,
): void {
  const content = body.content;
  if (typeof content === "string" && content.length > 2000)
    throw maxLength(prefixed(prefix, "content"), 2000);
  validateEmbeds(body.embeds, prefix);
  validateComponents(body.components, prefix);
  if (!requireContent) return;
  const hasContent = typeof content === "string" && content.length > 0;
  const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  const hasPoll = isObject(body.poll);
  if (!hasContent && !hasEmbeds && !hasComponents && !hasStickers && !hasFiles && !hasPoll) {
    throw new HttpFailure(400, { code: 50006, message: "Cannot send an empty message" });
  }
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandName(name: unknown, at: string, chatInput: boolean): void {
  if (typeof name !== "string" || !COMMAND_NAME.test(name) || (chatInput && name !== name.toLowerCase())) {
    throw invalidFormBody(fieldError(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"));
  }
}

function validateDescription(description: unknown, at: string): void {
  if (typeof description !== "string" || description.length < 1 || description.length > 100) {
    throw invalidFormBody(fieldError(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."));
  }
}

/** Discord holds each locale's name and description to the same rules as the default ones. */
function validateLocalizations(part: JsonObject, at: string, chatInput: boolean): void {
  for (const [field, check] of [
    ["name_localizations", (value: unknown, path: string) => validateCommandName(value, path, chatInput)],
    ["description_localizations", validateDescription],
  ] as const) {
    const localizations = part[field];
    if (localizations === undefined || localizations === null) continue;
    if (!isObject(localizations))
      throw invalidFormBody(
        fieldError(prefixed(at, field), "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"),
      );
    for (const [locale, value] of Object.entries(localizations))
      check(value, `${prefixed(at, field)}.${locale}`);
  }
}

function validateCommandOptions(options: unknown, at: string): void {
  if (!Array.isArray(options)) return;
  if (options.length > 25) throw maxLength(at, 25);
  let sawOptional = false;
  for (const [i, option] of options.entries()) {
    if (!isObject(option)) continue;
    validateCommandName(option.name, `${at}.${i}.name`, true);
    validateDescription(option.description, `${at}.${i}.description`);
    validateLocalizations(option, `${at}.${i}`, true);
    if (option.required === true && sawOptional) {
      throw invalidFormBody(
        fieldError(
          `${at}.${i}.required`,
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        ),
      );
    }
    if (option.required !== true && option.type !== 1 && option.type !== 2) sawOptional = true;
    if (Array.isArray(option.choices) && option.choices.length > 25)
      throw maxLength(`${at}.${i}.choices`, 25);
    validateCommandOptions(option.options, `${at}.${i}.options`);
  }
}

export function validateCommand(command: unknown, at: string): void {
  if (!isObject(command))
    throw invalidFormBody(fieldError(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));
  const type = command.type ?? ApplicationCommandType.ChatInput;
  const chatInput = type === ApplicationCommandType.ChatInput;
  validateCommandName(command.name, prefixed(at, "name"), chatInput);
  if (chatInput) validateDescription(command.description, prefixed(at, "description"));
  validateLocalizations(command, at, chatInput);
  validateCommandOptions(command.options, prefixed(at, "options"));
}

export function validateChoices(choices: unknown): void {
  if (!Array.isArray(choices)) {
    throw invalidFormBody(fieldError("data.choices", "BASE_TYPE_REQUIRED", "This field is required"));
  }
  if (choices.length > 25) throw maxLength("data.choices", 25);
  for (const [i, choice] of choices.entries()) {
    if (!isObject(choice)) continue;
    if (typeof choice.name !== "string" || choice.name.length < 1 || choice.name.length > 100) {
      throw invalidFormBody(
        fieldError(`data.choices.${i}.name`, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."),
      );
    }
    if (typeof choice.value === "string" && choice.value.length > 100)
      throw maxLength(`data.choices.${i}.value`, 100);
  }
}
