import type { Analyzer } from "./analyzer.js";
import { tokenize } from "./normalize.js";
import { stem } from "./stem.js";
import { isNoise } from "./stopwords.js";

interface AnalysedChunk {
  /** Term ids of the chunk's meaningful words and their concepts. */
  readonly termIds: readonly number[];
  readonly words: readonly string[];
  /** Offsets of the words that may start a glossary phrase; usually none. */
  readonly phraseStarts: readonly number[];
}

/**
 * The index build's reader: the same terms as `Analyzer.indexTerms`, as term ids. At 10,000
 * statements the knowledge repeats its words a million times, so each whitespace-separated chunk is
 * analysed once and remembered for the rest of the build.
 */
export class IndexTermReader {
  private readonly chunks = new Map<string, AnalysedChunk>();
  /** Scratch space reused by every call: the build reads a million words. */
  private readonly pieces: AnalysedChunk[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly idOf: (term: string) => number,
  ) {}

  /** Calls `visit` with each term id of the text, in order; a term may come more than once. */
  forEachTerm(text: string, visit: (termId: number) => void): void {
    const pieces = this.pieces;
    pieces.length = 0;
    let phraseStarts = false;
    for (const piece of text.split(/\s+/)) {
      const chunk = this.chunk(piece);
      const termIds = chunk.termIds;
      for (let at = 0; at < termIds.length; at++) visit(termIds[at] as number);
      pieces.push(chunk);
      if (chunk.phraseStarts.length > 0) phraseStarts = true;
    }
    // Glossary phrases may span chunks; most texts hold no word that starts one.
    if (!phraseStarts) return;
    const words: string[] = [];
    const starts: number[] = [];
    for (const chunk of pieces) {
      for (const offset of chunk.phraseStarts) starts.push(words.length + offset);
      for (const word of chunk.words) words.push(word);
    }
    for (const position of starts) {
      const phrase = this.analyzer.phraseAt(words, position);
      if (phrase) visit(this.idOf(phrase.concept));
    }
  }

  private chunk(text: string): AnalysedChunk {
    const known = this.chunks.get(text);
    if (known) return known;
    const surfaces = tokenize(text);
    const words = surfaces.map(stem);
    const termIds: number[] = [];
    words.forEach((word, position) => {
      if (isNoise(surfaces[position] as string)) return;
      termIds.push(this.idOf(word));
      for (const concept of this.analyzer.conceptsOf(word)) termIds.push(this.idOf(concept));
    });
    const phraseStarts = words.flatMap((word, offset) => (this.analyzer.startsPhrase(word) ? [offset] : []));
    const chunk = { termIds, words, phraseStarts };
    this.chunks.set(text, chunk);
    return chunk;
  }
}
