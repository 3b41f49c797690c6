import { createHash, createHmac } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { FEEDBACK_PRAGMAS } from "./pragmas.js";
import { guardedSalt, SaltMissingError } from "./salt.js";
import { migrate } from "./schema.js";
import { MENTION_LIKE, scrubMentions } from "./scrub.js";
import { groupSimilarQuestions, questionForm } from "./similar-questions.js";

export { SALT_FILE } from "./salt.js";

/**
 * What people asked and did not get: the questions the bot abstained on and the votes on its
 * answers, in an SQLite file under the data directory. User ids are stored only as an HMAC with a
 * salt kept beside the database, so the file alone does not say who asked what, while
 * `forgetUser` can still find a person's rows. Everything expires after the retention period.
 */

export const DATABASE_FILE = "feedback.sqlite";
const DAY_MS = 86_400_000;
/** Example questions kept per group or statement: the report shows, and the CSV has, this many. */
export const EXAMPLES_PER_ROW = 3;
/** The most groups an action looks through to find the one clicked. */
const MAX_GAPS = 1000;

export interface FeedbackStoreOptions {
  /** Rows older than this many days are deleted (at open and by `purgeExpired`). */
  readonly retentionDays: number;
  /** The clock; tests inject one to move through the retention period. */
  readonly now?: () => Date;
}

/** Where a question was asked: both null for a direct message. */
export interface Place {
  readonly guildId: string | null;
  readonly channelId: string | null;
}

export interface UnansweredQuestion extends Place {
  readonly question: string;
  readonly language: string;
  /** The Discord user id: hashed before it is stored, never stored itself. */
  readonly userId: string;
  /** The statement that came nearest, if any, and its score (0..1). */
  readonly bestCandidate: { readonly id: string; readonly score: number } | null;
  readonly knowledgeVersion: string;
  /** Defaults to the store's clock. */
  readonly at?: Date;
}

export type VoteValue = 1 | -1;

export interface Vote extends Place {
  /** Identifies the answer voted on (the bot's reply); one vote per user and answer. */
  readonly answerId: string;
  /** The Discord user id: hashed before it is stored, never stored itself. */
  readonly userId: string;
  readonly vote: VoteValue;
  /** The statements the answer showed, best first. */
  readonly statementIds: readonly string[];
  readonly question: string;
  readonly language: string;
  readonly knowledgeVersion: string;
  /** Defaults to the store's clock. */
  readonly at?: Date;
}

/** `new`: the first vote of this user on this answer; `changed`: flipped; `unchanged`: same click again. */
export type VoteOutcome = "new" | "changed" | "unchanged";

export interface VoteCounts {
  readonly up: number;
  readonly down: number;
}

export interface DeletedRows {
  readonly unanswered: number;
  readonly votes: number;
}

export interface UnansweredGroup {
  /** Names the group for actions on it (teach, out of scope, dismiss): stable while it is listed. */
  readonly id: string;
  /** How often a question of this group was asked. */
  readonly count: number;
  /** Up to 3 distinct wordings, most frequent first, then most recent. */
  readonly examples: readonly string[];
  /** The languages it was asked in, sorted. */
  readonly languages: readonly string[];
  readonly lastAsked: Date;
  /** The statement that most often came nearest, with the best score it reached; null if none did. */
  readonly bestCandidate: { readonly id: string; readonly score: number } | null;
}

export interface DownVotedStatement {
  /** Names the entry for actions on it, as a group's id does. */
  readonly id: string;
  readonly statementId: string;
  readonly downVotes: number;
  readonly upVotes: number;
  /** Up to 3 distinct questions whose answer showing this statement was voted down. */
  readonly examples: readonly string[];
}

export interface GapsReport {
  readonly generatedAt: Date;
  readonly retentionDays: number;
  /** The server the report is narrowed to, if it is. */
  readonly guildId?: string;
  /** Unanswered questions within the retention period, before grouping. */
  readonly unansweredTotal: number;
  /** The largest groups first. */
  readonly unanswered: readonly UnansweredGroup[];
  /** The most down-voted statements first. An answer's down vote counts for every statement it showed. */
  readonly downVoted: readonly DownVotedStatement[];
}

/** What a moderator did about a gap: taught it, declared it out of scope, or dismissed it. */
export type GapAction = "teach" | "out-of-scope" | "dismiss";

/** A gap found by its id: an unanswered group, or a statement's down votes. */
export type Gap =
  | { readonly kind: "unanswered"; readonly group: UnansweredGroup }
  | { readonly kind: "down-voted"; readonly entry: DownVotedStatement };

export interface GapsOptions {
  /** The longest each list gets; 20 when not given. */
  readonly limit?: number;
  /** Only what was asked in this server; every server's (and direct messages') when not given. */
  readonly guildId?: string;
}

/** Exported for the crash test's child process, so that it writes exactly the rows the store writes. */
export const INSERT_UNANSWERED_SQL = `INSERT INTO unanswered
  (asked_at, question, language, guild_id, channel_id, user_hash, candidate_id, candidate_score, knowledge_version)
  VALUES (@askedAt, @question, @language, @guildId, @channelId, @userHash, @candidateId, @candidateScore,
          @knowledgeVersion)`;

interface UnansweredParams {
  askedAt: number;
  question: string;
  language: string;
  guildId: string | null;
  channelId: string | null;
  userHash: string;
  candidateId: string | null;
  candidateScore: number | null;
  knowledgeVersion: string;
}

interface VoteParams {
  userHash: string;
  answerId: string;
  vote: VoteValue;
  statementIds: string;
  question: string;
  language: string;
  votedAt: number;
  guildId: string | null;
  channelId: string | null;
  knowledgeVersion: string;
}

interface UnansweredRow {
  question: string;
  language: string;
  asked_at: number;
  candidate_id: string | null;
  candidate_score: number | null;
}

/** A server id given twice (`? IS NULL OR guild_id = ?`), or null twice for every server. */
type GuildFilter = [string | null, string | null];

interface DownVotedRow {
  statement_id: string;
  down: number;
  up: number;
}

export class FeedbackStore {
  private readonly insertUnanswered: Database.Statement<UnansweredParams>;
  private readonly selectVote: Database.Statement<[string, string], { vote: number }>;
  private readonly insertVote: Database.Statement<VoteParams>;
  private readonly updateVote: Database.Statement<VoteParams>;
  private readonly countVotes: Database.Statement<[string], { up: number | null; down: number | null }>;
  private readonly deleteExpiredUnanswered: Database.Statement<[number]>;
  private readonly deleteExpiredVotes: Database.Statement<[number]>;
  private readonly deleteUserUnanswered: Database.Statement<[string]>;
  private readonly deleteUserVotes: Database.Statement<[string]>;
  private readonly selectUnanswered: Database.Statement<[number, ...GuildFilter], UnansweredRow>;
  private readonly selectDownVoted: Database.Statement<[number, ...GuildFilter, number], DownVotedRow>;
  private readonly selectDownVotedExamples: Database.Statement<
    [string, number, ...GuildFilter, number],
    { question: string }
  >;
  private readonly selectHandled: Database.Statement<[], { form: string }>;
  private readonly insertHandled: Database.Statement<[string, string, number]>;
  private readonly deleteExpiredHandled: Database.Statement<[number]>;
  private readonly now: () => Date;
  private readonly retentionMs: number;

  private constructor(
    private readonly db: Database.Database,
    /** Missing when it was lost while rows hashed with it remain: then nothing is written. */
    private readonly salt: Buffer | undefined,
    private readonly retentionDays: number,
    now: () => Date,
    private readonly dataDir: string,
  ) {
    this.now = now;
    this.retentionMs = retentionDays * DAY_MS;
    db.function("question_form", { deterministic: true }, (question) => questionForm(String(question)));
    this.insertUnanswered = db.prepare(INSERT_UNANSWERED_SQL);
    this.selectVote = db.prepare("SELECT vote FROM votes WHERE user_hash = ? AND answer_id = ?");
    this.insertVote = db.prepare(`INSERT INTO votes
      (user_hash, answer_id, vote, statement_ids, question, language, voted_at, guild_id, channel_id,
       knowledge_version)
      VALUES (@userHash, @answerId, @vote, @statementIds, @question, @language, @votedAt, @guildId,
              @channelId, @knowledgeVersion)`);
    this.updateVote = db.prepare(`UPDATE votes SET vote = @vote, statement_ids = @statementIds,
      question = @question, language = @language, voted_at = @votedAt, guild_id = @guildId,
      channel_id = @channelId, knowledge_version = @knowledgeVersion
      WHERE user_hash = @userHash AND answer_id = @answerId`);
    this.countVotes = db.prepare(
      "SELECT SUM(vote > 0) AS up, SUM(vote < 0) AS down FROM votes WHERE answer_id = ?",
    );
    this.deleteExpiredUnanswered = db.prepare("DELETE FROM unanswered WHERE asked_at < ?");
    this.deleteExpiredVotes = db.prepare("DELETE FROM votes WHERE voted_at < ?");
    this.deleteUserUnanswered = db.prepare("DELETE FROM unanswered WHERE user_hash = ?");
    this.deleteUserVotes = db.prepare("DELETE FROM votes WHERE user_hash = ?");
    this.selectUnanswered = db.prepare(
      `SELECT question, language, asked_at, candidate_id, candidate_score FROM unanswered
       WHERE asked_at >= ? AND (? IS NULL OR guild_id = ?) ORDER BY asked_at DESC, id DESC`,
    );
    this.selectDownVoted = db.prepare(
      `SELECT s.value AS statement_id, SUM(v.vote < 0) AS down, SUM(v.vote > 0) AS up
       FROM votes AS v, json_each(v.statement_ids) AS s
       WHERE v.voted_at >= ? AND (? IS NULL OR v.guild_id = ?)
         AND question_form(v.question) NOT IN (SELECT form FROM handled_gaps)
       GROUP BY s.value HAVING down > 0
       ORDER BY down DESC, up ASC, MAX(v.voted_at) DESC, statement_id
       LIMIT ?`,
    );
    this.selectDownVotedExamples = db.prepare(
      `SELECT v.question AS question FROM votes AS v, json_each(v.statement_ids) AS s
       WHERE s.value = ? AND v.vote < 0 AND v.voted_at >= ? AND (? IS NULL OR v.guild_id = ?)
         AND question_form(v.question) NOT IN (SELECT form FROM handled_gaps)
       GROUP BY v.question ORDER BY COUNT(*) DESC, MAX(v.voted_at) DESC LIMIT ?`,
    );
    this.selectHandled = db.prepare("SELECT form FROM handled_gaps");
    this.insertHandled = db.prepare(
      "INSERT OR REPLACE INTO handled_gaps (form, action, handled_at) VALUES (?, ?, ?)",
    );
    this.deleteExpiredHandled = db.prepare("DELETE FROM handled_gaps WHERE handled_at < ?");
  }

  /**
   * Opens (creating if needed) `dataDir/feedback.sqlite` and the salt beside it, brings the schema
   * up to date and deletes what has expired. Throws if the database was written by a newer version
   * of the bot, or the salt file is damaged: silently starting over would orphan old rows. A salt
   * lost while rows remain is not replaced: the store then refuses to write (`saltMissing`).
   */
  static open(dataDir: string, options: FeedbackStoreOptions): FeedbackStore {
    const { retentionDays } = options;
    if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
      throw new RangeError(`retentionDays must be a positive number, got ${retentionDays}`);
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, DATABASE_FILE);
    // Created by us first so that it is private; SQLite gives the -wal and -shm files the same mode.
    closeSync(openSync(path, "a", 0o600));
    const db = new Database(path);
    try {
      applyPragmas(db);
      migrate(db);
      scrubStoredMentions(db);
      const salt = guardedSalt(dataDir, () => holdsRows(db));
      const store = new FeedbackStore(db, salt, retentionDays, options.now ?? (() => new Date()), dataDir);
      // Retention holds even while a lost salt stops new rows.
      store.purgeExpired();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * For other processes (`knowledge -- gaps`) while the bot may run: read-only, so that closing
   * can never checkpoint or delete the bot's write-ahead log. Undefined when there is no database.
   */
  static openReadOnly(dataDir: string, options: FeedbackStoreOptions): FeedbackStore | undefined {
    const path = join(dataDir, DATABASE_FILE);
    if (!existsSync(path)) return undefined;
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      return new FeedbackStore(
        db,
        undefined,
        options.retentionDays,
        options.now ?? (() => new Date()),
        dataDir,
      );
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** True when rows hashed with a lost salt remain: nothing is stored until that is resolved. */
  get saltMissing(): boolean {
    return this.salt === undefined && !this.db.readonly;
  }

  /** Stores a question the bot abstained on; returns its row id. */
  recordUnanswered(entry: UnansweredQuestion): number {
    const result = this.insertUnanswered.run({
      askedAt: (entry.at ?? this.now()).getTime(),
      question: scrubMentions(entry.question),
      language: entry.language,
      guildId: entry.guildId,
      channelId: entry.channelId,
      userHash: this.hashUser(entry.userId),
      candidateId: entry.bestCandidate?.id ?? null,
      candidateScore: entry.bestCandidate?.score ?? null,
      knowledgeVersion: entry.knowledgeVersion,
    });
    return Number(result.lastInsertRowid);
  }

  /** Stores a vote; a second vote by the same user on the same answer replaces the first. */
  recordVote(vote: Vote): VoteOutcome {
    const params: VoteParams = {
      userHash: this.hashUser(vote.userId),
      answerId: vote.answerId,
      vote: vote.vote,
      statementIds: JSON.stringify([...new Set(vote.statementIds)]),
      question: scrubMentions(vote.question),
      language: vote.language,
      votedAt: (vote.at ?? this.now()).getTime(),
      guildId: vote.guildId,
      channelId: vote.channelId,
      knowledgeVersion: vote.knowledgeVersion,
    };
    // IMMEDIATE: two shards handling clicks of the same user must not both see "no vote yet".
    return this.db
      .transaction((): VoteOutcome => {
        const existing = this.selectVote.get(params.userHash, params.answerId);
        if (!existing) {
          this.insertVote.run(params);
          return "new";
        }
        if (existing.vote === params.vote) return "unchanged";
        this.updateVote.run(params);
        return "changed";
      })
      .immediate();
  }

  voteCounts(answerId: string): VoteCounts {
    const row = this.countVotes.get(answerId);
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /** Deletes rows older than the retention period; run at open, and meant to be run daily. */
  purgeExpired(now: Date = this.now()): DeletedRows {
    const cutoff = now.getTime() - this.retentionMs;
    return this.db
      .transaction(() => {
        this.deleteExpiredHandled.run(cutoff);
        return {
          unanswered: this.deleteExpiredUnanswered.run(cutoff).changes,
          votes: this.deleteExpiredVotes.run(cutoff).changes,
        };
      })
      .immediate();
  }

  /** Deletes every question and vote stored for this user. */
  forgetUser(userId: string): DeletedRows {
    const hash = this.hashUser(userId);
    return this.db
      .transaction(() => ({
        unanswered: this.deleteUserUnanswered.run(hash).changes,
        votes: this.deleteUserVotes.run(hash).changes,
      }))
      .immediate();
  }

  /** Deletes every stored question and vote: the way out when the salt is lost for good. */
  forgetAll(): DeletedRows {
    return this.db
      .transaction(() => ({
        unanswered: this.db.prepare("DELETE FROM unanswered").run().changes,
        votes: this.db.prepare("DELETE FROM votes").run().changes,
      }))
      .immediate();
  }

  /**
   * The most frequent unanswered questions, similar wordings grouped, and the most down-voted
   * statements, both within the retention period (even if `purgeExpired` has not run lately).
   */
  gaps(options: GapsOptions = {}): GapsReport {
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0`);
    const now = this.now();
    const cutoff = now.getTime() - this.retentionMs;
    const guild: GuildFilter = [options.guildId ?? null, options.guildId ?? null];
    // One consistent snapshot for both lists, even while other shards write.
    return this.db
      .transaction((): GapsReport => {
        const rows = this.selectUnanswered.all(cutoff, ...guild);
        const handled = new Set(this.selectHandled.all().map((row) => row.form));
        const unanswered = groupSimilarQuestions(rows.map((row) => ({ ...row, text: row.question })))
          .filter(({ members }) => !members.some((member) => handled.has(questionForm(member.question))))
          .map(({ key, members }) => summarizeGroup(key, members))
          .sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime())
          .slice(0, limit);
        const downVoted = this.selectDownVoted.all(cutoff, ...guild, limit).map(
          (row): DownVotedStatement => ({
            id: gapId(`down-voted\u0000${row.statement_id}`),
            statementId: row.statement_id,
            downVotes: row.down,
            upVotes: row.up,
            examples: this.selectDownVotedExamples
              .all(row.statement_id, cutoff, ...guild, EXAMPLES_PER_ROW)
              .map((example) => example.question),
          }),
        );
        return {
          generatedAt: now,
          retentionDays: this.retentionDays,
          ...(options.guildId === undefined ? {} : { guildId: options.guildId }),
          unansweredTotal: rows.length,
          unanswered,
          downVoted,
        };
      })
      .deferred();
  }

  /**
   * The gap with this id in the report as it is now. A group's id comes from its most frequent
   * wording; if another wording has become the most frequent since the report was shown, the
   * group holding the wording the id came from is found.
   */
  findGap(id: string): Gap | undefined {
    const report = this.gaps({ limit: MAX_GAPS });
    const group =
      report.unanswered.find((candidate) => candidate.id === id) ??
      report.unanswered.find((candidate) => this.groupForms(candidate).some((form) => gapId(form) === id));
    if (group) return { kind: "unanswered", group };
    const entry = report.downVoted.find((candidate) => candidate.id === id);
    return entry ? { kind: "down-voted", entry } : undefined;
  }

  /**
   * Keeps a gap out of the report from now on: every wording of an unanswered group, or of the
   * given questions (those a down-voted statement was shown for). New questions of the group stay
   * hidden with it.
   */
  markHandled(gap: Gap, action: GapAction, questions?: readonly string[]): void {
    const forms =
      questions?.map(questionForm) ??
      (gap.kind === "unanswered" ? this.groupForms(gap.group) : this.downVoteForms(gap.entry.statementId));
    const at = this.now().getTime();
    this.db.transaction(() => {
      for (const form of new Set(forms)) this.insertHandled.run(form, action, at);
    })();
  }

  /** The question forms of an unanswered group: recomputed, since the report keeps only examples. */
  private groupForms(group: UnansweredGroup): string[] {
    const cutoff = this.now().getTime() - this.retentionMs;
    const rows = this.selectUnanswered.all(cutoff, null, null);
    const found = groupSimilarQuestions(rows.map((row) => ({ ...row, text: row.question }))).find(
      ({ members }) => members.some((member) => group.examples.includes(member.question.trim())),
    );
    return (found?.members ?? []).map((member) => questionForm(member.question));
  }

  private downVoteForms(statementId: string): string[] {
    const cutoff = this.now().getTime() - this.retentionMs;
    return this.selectDownVotedExamples
      .all(statementId, cutoff, null, null, MAX_GAPS)
      .map((row) => questionForm(row.question));
  }

  /** `["ok"]` when the database file is intact, otherwise SQLite's list of problems. */
  integrityCheck(): string[] {
    const rows = this.db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The open database, for the modules that keep their own tables in it (per-server data). */
  get database(): Database.Database {
    return this.db;
  }

  /** The salted hash under which a user's rows are stored; throws while the salt is missing. */
  hashUser(userId: string): string {
    if (!this.salt) throw new SaltMissingError(this.dataDir);
    return createHmac("sha256", this.salt).update(userId, "utf8").digest("hex");
  }
}

/** Eight hex digits: short enough for a button's id, and a moderator can type one. */
function gapId(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);
}

function summarizeGroup(key: string, members: readonly UnansweredRow[]): UnansweredGroup {
  const wordings = new Map<string, { count: number; last: number }>();
  const candidates = new Map<string, { count: number; score: number }>();
  const languages = new Set<string>();
  let lastAsked = 0;
  for (const row of members) {
    const text = row.question.trim();
    const wording = wordings.get(text);
    wordings.set(text, {
      count: (wording?.count ?? 0) + 1,
      last: Math.max(wording?.last ?? 0, row.asked_at),
    });
    languages.add(row.language);
    lastAsked = Math.max(lastAsked, row.asked_at);
    if (row.candidate_id !== null && row.candidate_score !== null) {
      const seen = candidates.get(row.candidate_id);
      candidates.set(row.candidate_id, {
        count: (seen?.count ?? 0) + 1,
        score: Math.max(seen?.score ?? 0, row.candidate_score),
      });
    }
  }
  const examples = [...wordings.entries()]
    .sort(([, a], [, b]) => b.count - a.count || b.last - a.last)
    .slice(0, EXAMPLES_PER_ROW)
    .map(([text]) => text);
  const [best] = [...candidates.entries()].sort(([, a], [, b]) => b.count - a.count || b.score - a.score);
  return {
    id: gapId(key === "" ? questionForm(members[0]?.question ?? "") : key),
    count: members.length,
    examples,
    languages: [...languages].sort(),
    lastAsked: new Date(lastAsked),
    bestCandidate: best ? { id: best[0], score: best[1].score } : null,
  };
}

function applyPragmas(db: Database.Database): void {
  for (const pragma of FEEDBACK_PRAGMAS) db.pragma(pragma);
  // WAL is what makes a killed process harmless; some file systems (network mounts) refuse it.
  const mode = db.pragma("journal_mode", { simple: true });
  if (mode !== "wal")
    throw new Error(`the feedback database could not use WAL mode (journal_mode is ${mode})`);
}

function holdsRows(db: Database.Database): boolean {
  return (
    db
      .prepare("SELECT EXISTS (SELECT 1 FROM unanswered) OR EXISTS (SELECT 1 FROM votes) AS held")
      .pluck()
      .get() === 1
  );
}

/** Questions stored before mentions were scrubbed: rewritten once, at open. */
function scrubStoredMentions(db: Database.Database): void {
  const where = MENTION_LIKE.map(() => "question LIKE ?").join(" OR ");
  db.transaction(() => {
    for (const table of ["unanswered", "votes"]) {
      const rows = db
        .prepare<string[], { key: number | string; question: string }>(
          `SELECT ${table === "votes" ? "user_hash || ' ' || answer_id" : "id"} AS key, question FROM ${table} WHERE ${where}`,
        )
        .all(...MENTION_LIKE);
      const update = db.prepare(
        `UPDATE ${table} SET question = ? WHERE ${table === "votes" ? "user_hash || ' ' || answer_id" : "id"} = ?`,
      );
      for (const row of rows) update.run(scrubMentions(row.question), row.key);
    }
  }).immediate();
}
