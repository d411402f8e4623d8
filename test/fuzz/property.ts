/**
 * The fuzz property, shared by the seeded run in the unit tests and the long run
 * (`npm run fuzz -- --runs 100000`): a real manifest, a list of random edits, the invariants.
 * A case is the seed's index and the edits, so a shrunk counterexample reads as "this file, these
 * edits" rather than as the whole text; the error names the file and the edited text's first lines.
 */
import fc from 'fast-check';
import { applyMutation, mutations } from './mutations';
import type { Mutation } from './mutations';
import { checkInvariants, loadSeeds } from './invariants';
import type { Seed } from './invariants';

export function invariantsHold(seeds: readonly Seed[] = loadSeeds()): fc.IPropertyWithHooks<[number, Mutation[]]> {
  if (seeds.length === 0) throw new Error('no seed manifests found');
  return fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), mutations, (index, edits) => {
    const seed = seeds[index] as Seed;
    const steps = [seed.text];
    for (const edit of edits) steps.push(applyMutation(steps[steps.length - 1] as string, edit));
    const text = steps.pop() as string;
    try {
      checkInvariants(text, seed.languageId, { steps });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error(`${seed.name} after ${JSON.stringify(edits)}:\n${message}\n--- edited text ---\n${text.slice(0, 2000)}`, {
        cause: error,
      });
    }
  });
}
