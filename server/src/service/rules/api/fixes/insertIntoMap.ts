/** Rules build insertions with this; it lives in document/ so that fact kinds can offer the same edit. */
export { insertIntoBlockMap, lastLeaf } from '../../../document/insertIntoMap';
