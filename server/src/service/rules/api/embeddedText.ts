/**
 * Text inside YAML strings, for rules: the decoded value, offsets back to the document
 * and edits in the scalar's style. It lives in document/ because the recognisers of
 * embedded documents (cni/, below this API) need it too; rules import it from here.
 */
export { embeddedText } from '../../document/embeddedText';
export type { EmbeddedText, ScalarStyle } from '../../document/embeddedText';
