package dev.dbsurveyor.adapter;

import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectType;

/**
 * One catalog query of an engine's collection (tables, columns, indexes, …), implemented by each
 * engine's enum of stages: what the document records when the stage fails.
 */
public interface CatalogStage {

    /** The stage's name in messages; an enum's constant name. */
    String name();

    /** The collection stage an object failure of this stage names. */
    CollectionStage stage();

    /** The kind of object that a failure of this stage leaves out. */
    ObjectType objectType();
}
