/**
 * The subset of JSON Schema Kubewise validates with: what scripts/schemas/validationSchemas.mjs
 * generates for built-in kinds and what schema/crdSchema.ts makes of a CRD's openAPIV3Schema.
 * Both compile with ajv and both are walked by path for hovers and completion.
 */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  /** false: unknown fields are rejected (strict field validation); a schema: every value's. */
  additionalProperties?: boolean | SchemaNode;
  enum?: unknown[];
  /** `#/definitions/<id>` in the same schema set. */
  $ref?: string;
  /** CRD schemas keep their descriptions inline; built-in ones come from the descriptions file. */
  description?: string;
}

/** Named definitions and where an object's schema starts. */
export interface SchemaSet {
  /** A stable key for caches (`apps/v1/Deployment`, or the CRD's group, kind and version). */
  key: string;
  definitions: Readonly<Record<string, SchemaNode>>;
  root: SchemaNode;
  /** Field descriptions by definition id and property ('' for the type itself). */
  describe(definition: string | undefined, property: string | undefined, node: SchemaNode): string | undefined;
  /** A link to the API reference of this kind, when there is one. */
  referenceUrl?: string;
}
