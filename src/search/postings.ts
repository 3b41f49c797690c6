import { grownInto } from "../util/typed-arrays.js";

/**
 * The inverted index in compressed-row form: for term t, its statements and weights are
 * `statements[start[t] .. start[t+1])`. Three flat typed arrays instead of one small array per
 * term keep a 10,000-statement index compact and quick to build.
 */
export interface Postings {
  readonly start: Int32Array;
  readonly statements: Int32Array;
  readonly weights: Float32Array;
}

export function postingCount(postings: Postings, termId: number): number {
  if (termId + 1 >= postings.start.length) return 0;
  return (postings.start[termId + 1] as number) - (postings.start[termId] as number);
}

/** Collects (term, statement, weight) entries in any term order, then sorts them by term. */
export class PostingsBuilder {
  private terms = new Int32Array(4096);
  private statements = new Int32Array(4096);
  private weights = new Float32Array(4096);
  private size = 0;

  add(termId: number, statement: number, weight: number): void {
    if (this.size === this.terms.length) this.grow();
    this.terms[this.size] = termId;
    this.statements[this.size] = statement;
    this.weights[this.size] = weight;
    this.size += 1;
  }

  /** Counting sort by term; within a term, statements stay in the order they were added. */
  build(termCount: number): Postings {
    const start = new Int32Array(termCount + 1);
    for (let entry = 0; entry < this.size; entry++) {
      const slot = (this.terms[entry] as number) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let termId = 0; termId < termCount; termId++) {
      start[termId + 1] = (start[termId + 1] as number) + (start[termId] as number);
    }
    const next = start.slice(0, termCount);
    const statements = new Int32Array(this.size);
    const weights = new Float32Array(this.size);
    for (let entry = 0; entry < this.size; entry++) {
      const termId = this.terms[entry] as number;
      const at = next[termId] as number;
      next[termId] = at + 1;
      statements[at] = this.statements[entry] as number;
      weights[at] = this.weights[entry] as number;
    }
    return { start, statements, weights };
  }

  private grow(): void {
    const size = this.terms.length * 2;
    this.terms = grownInto(this.terms, new Int32Array(size));
    this.statements = grownInto(this.statements, new Int32Array(size));
    this.weights = grownInto(this.weights, new Float32Array(size));
  }
}
