/**
 * Splits a container image reference into name, tag and digest, after the grammar of
 * distribution/reference: the tag is what follows the last ':' *after the last '/'*,
 * so the port of a registry host (`registry:5000/app`) is not a tag, and a digest
 * (`@sha256:…`) may follow a tag (`app:1.2@sha256:…`).
 */
export interface ImageReference {
  /** Registry and repository, without tag or digest. */
  name: string;
  tag?: string;
  digest?: string;
}

/** undefined when the text is not an image reference at all (empty parts, whitespace). */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image === '' || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  if (digest === '') return undefined;
  const colon = named.lastIndexOf(':');
  const tagged = colon > named.lastIndexOf('/');
  const name = tagged ? named.slice(0, colon) : named;
  const tag = tagged ? named.slice(colon + 1) : undefined;
  if (name === '' || tag === '') return undefined;
  const reference: ImageReference = { name };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}
