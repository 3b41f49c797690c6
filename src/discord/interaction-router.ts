import { type Interaction, MessageFlags, type RepliableInteraction } from "discord.js";
import { messagesFor } from "../i18n/messages.js";
import { replyLanguage } from "./commands/command.js";
import { slashCommands } from "./commands/index.js";
import { dispatchComponent } from "./component-dispatch.js";
import type { BotContext } from "./context.js";
import { refuseOutsideHomeServer } from "./home-server.js";
import { declineCooledDown, passesRules, serverCooldownSeconds } from "./interaction-rules.js";

/**
 * Routes every interaction to its handler. Whatever goes wrong inside a handler is logged and
 * answered with a friendly message; nothing escapes to crash the process.
 */
export async function routeInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  const release = context.work.tryAcquire();
  if (!release) {
    await declineBusy(interaction, context);
    return;
  }
  try {
    await dispatch(interaction, context);
  } catch (error) {
    context.metrics.recordError("interaction");
    context.logger.error(
      { err: error, requestId: interaction.id, type: interaction.type },
      "interaction handler failed",
    );
    await answerFailure(interaction, context);
  } finally {
    release();
  }
}

async function dispatch(interaction: Interaction, context: BotContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = slashCommands.get(interaction.commandName);
    if (!command) {
      await interaction.reply({
        content: messagesFor(replyLanguage(interaction)).somethingWentWrong,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (await passesRules(interaction, command.rules, context)) await command.execute(interaction, context);
  } else if (interaction.isAutocomplete()) {
    const command = slashCommands.get(interaction.commandName);
    if (await refuseOutsideHomeServer(interaction, command?.rules, context)) return;
    if (command?.autocomplete) await command.autocomplete(interaction, context);
    else await interaction.respond([]);
  } else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
    await dispatchComponent(interaction, context);
  }
}

async function declineBusy(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    // In a burst most questions come from people still cooling down. They would be refused anyway,
    // and "try again in N s" costs no more than "busy" but tells them when a retry will work.
    const cooling =
      interaction.isChatInputCommand() && slashCommands.get(interaction.commandName)?.rules.cooldown
        ? context.cooldowns.peek(
            interaction.user.id,
            interaction.channelId,
            Date.now(),
            serverCooldownSeconds(interaction, context),
          )
        : undefined;
    if (interaction.isRepliable() && cooling && !cooling.allowed) {
      await declineCooledDown(interaction, cooling, context);
      return;
    }
    context.metrics.recordRateLimited("overload");
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) {
      await interaction.reply({
        content: messagesFor(replyLanguage(interaction)).busy,
        flags: MessageFlags.Ephemeral,
      });
    }
  } catch (error) {
    context.logger.warn(
      { err: error, requestId: interaction.id },
      "could not decline an interaction while busy",
    );
  }
}

async function answerFailure(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const repliable: RepliableInteraction = interaction;
    const content = messagesFor(replyLanguage(interaction)).somethingWentWrong;
    if (repliable.replied || repliable.deferred)
      await repliable.followUp({ content, flags: MessageFlags.Ephemeral });
    else await repliable.reply({ content, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // The interaction may have expired or Discord may be down: there is no one left to tell.
    context.logger.warn({ err: error, requestId: interaction.id }, "could not report a failed interaction");
  }
}
