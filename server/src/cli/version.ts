/** The CLI's version is the one both hosts share (host/version.ts). */
export { kubewiseVersion } from '../host/version';
