/**
 * JSON: every payload the engine stores goes through {@link io.durable.cdi.internal.json.JsonCodec}
 * (JSON-B, generics from the declared type, read back and compared before it is journaled by
 * {@link io.durable.cdi.internal.json.SameValue}); {@link io.durable.cdi.internal.json.JsonTypeCheck}
 * decides at deployment whether a payload type binds both ways; {@link io.durable.cdi.internal.json.JsonTypes}
 * builds generic types at run time.
 *
 * <p>May use: no other internal package.
 */
package io.durable.cdi.internal.json;
