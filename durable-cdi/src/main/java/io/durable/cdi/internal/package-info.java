/**
 * The engine's implementation. Not API: anything here may change in any release.
 *
 * <p>This package holds only {@link io.durable.cdi.internal.DurableExtension}, the composition root:
 * it registers the beans each capability package lists (its {@code *Beans} class) and collects
 * and validates the application's workflows and steps at deployment. The capability packages below
 * it never depend on this package (the engine's beans see the extension's results through
 * {@link io.durable.cdi.internal.definition.Deployment}), and never on each other in a cycle
 * (checked by {@code EngineLayoutTest}):
 * <pre>
 * json, platform          (depend on no other internal package)
 * time                    platform
 * definition              time, json
 * journal                 definition, time, platform, json
 * composition             journal, definition, time, platform, json
 * tracking                journal, json
 * sync                    tracking, journal, definition, time, json
 * execution               composition, tracking, journal, definition, time, platform, json
 * health                  execution, platform   (MicroProfile Health checks, only where the API is)
 * </pre>
 * The jar's {@code beans.xml} excludes {@code io.durable.cdi.**} from scanning, so nothing here
 * becomes a bean unless the extension registers it, whatever the application's discovery mode.
 * {@code docs/engine-map.md} shows the path of a step and of a wake-up through these packages.
 */
package io.durable.cdi.internal;
