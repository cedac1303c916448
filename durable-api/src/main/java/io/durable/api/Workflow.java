package io.durable.api;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a CDI bean as a durable workflow definition.
 *
 * <p>The bean must have exactly one method annotated with {@link WorkflowMethod}; the engine calls it
 * for every execution of a run, replaying journaled steps. A workflow bean is a {@link Dependent}
 * bean (this annotation is a stereotype that makes it one), so every execution of a run gets a fresh
 * instance and fields never leak between runs. A bad definition fails the deployment with a message
 * that names the class and what is wrong.
 */
@Stereotype
@Dependent
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workflow {

    /**
     * The workflow's name, unique in the application and stored with every run.
     *
     * @return the name; when empty, the bean class's simple name
     */
    String name() default "";

    /**
     * The version of the workflow code, stored with every run it starts.
     *
     * @return a positive version number
     */
    int version() default 1;

    /**
     * The oldest version whose runs this code can still resume. A run started under a version
     * outside {@code compatibleFrom..version} fails with {@link IncompatibleVersionException} instead of
     * replaying code it was not written for; use {@link DurableContext#version} markers to keep old
     * runs on their old path and lower this bound.
     *
     * @return the oldest resumable version; 0 means {@link #version()} (only runs of this exact version)
     */
    int compatibleFrom() default 0;
}
