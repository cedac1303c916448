package io.durable.cdi.internal.definition;

import io.durable.api.UnknownWorkflowException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The deployed workflows, by name and by class. Filled during deployment, read afterwards. */
public final class WorkflowDefinitions {

    private final Map<String, WorkflowDefinition> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, WorkflowDefinition> byClass = new ConcurrentHashMap<>();

    /** @return the definition already registered under the same name, or {@code null} */
    public WorkflowDefinition register(WorkflowDefinition definition) {
        WorkflowDefinition previous = byName.putIfAbsent(definition.name(), definition);
        if (previous == null) {
            byClass.put(definition.beanClass(), definition);
        }
        return previous;
    }

    public WorkflowDefinition byName(String name) {
        WorkflowDefinition definition = name == null ? null : byName.get(name);
        if (definition == null) {
            throw new UnknownWorkflowException(name, names());
        }
        return definition;
    }

    public WorkflowDefinition byClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            WorkflowDefinition definition = byClass.get(c);
            if (definition != null) {
                return definition;
            }
        }
        throw new UnknownWorkflowException(type == null ? null : type.getName(), names());
    }

    /** @return every deployed workflow, by name */
    public List<WorkflowDefinition> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(WorkflowDefinition::name)).toList();
    }

    /** @return the workflows that declare a schedule */
    public List<WorkflowDefinition> scheduled() {
        return byName.values().stream().filter(d -> d.schedule() != null)
                .sorted(java.util.Comparator.comparing(WorkflowDefinition::name)).toList();
    }

    Collection<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
