// Why a file could not be opened as a lab model, as data: the panel says it in the reader's language
// (trained.strings.ts importProblems), the message says it in English for logs and tests.
import { WeightsError } from '../models/trained';

export type LabFileProblem =
  | { kind: 'not-json' }
  | { kind: 'no-weights' }
  | { kind: 'not-onnx' }
  | { kind: 'not-from-lab' }
  | { kind: 'bad-description' }
  | { kind: 'wrong-vocab'; vocab: number; expected: number }
  | { kind: 'not-trainable' }
  | { kind: 'ablated' }
  | { kind: 'missing-tensor'; name: string }
  | { kind: 'wrong-shape'; name: string; shape: string; expected: string }
  | { kind: 'wrong-size'; name: string }
  | { kind: 'extra-tensors'; count: number; expected: number }
  | { kind: 'not-finite'; name: string };

const ENGLISH: { [K in LabFileProblem['kind']]: (p: Extract<LabFileProblem, { kind: K }>) => string } = {
  'not-json': () => 'the file is not valid JSON',
  'no-weights': () => 'the file holds no weights in the lab’s layout',
  'not-onnx': () => 'not an ONNX file',
  'not-from-lab': () => 'this ONNX file was not exported by the training lab (it has no model description)',
  'bad-description': () => 'the model description is incomplete or has the wrong types',
  'wrong-vocab': (p) => `the model reads ${p.vocab} tokens, its task has ${p.expected}`,
  'not-trainable': () => 'the lab does not train this model',
  ablated: () => 'it was trained without its gate or delta correction, which the panels’ full mechanism does not do',
  'missing-tensor': (p) => `tensor ${p.name} is missing`,
  'wrong-shape': (p) => `tensor ${p.name} is ${p.shape}, expected ${p.expected}`,
  'wrong-size': (p) => `tensor ${p.name} does not hold as many numbers as its shape says`,
  'extra-tensors': (p) => `the file has ${p.count} tensors, the model ${p.expected}`,
  'not-finite': (p) => `tensor ${p.name} holds a number that is not finite`,
};

export class LabFileError extends WeightsError {
  override name = 'LabFileError';
  constructor(readonly problem: LabFileProblem) {
    super((ENGLISH[problem.kind] as (p: LabFileProblem) => string)(problem));
  }
}
