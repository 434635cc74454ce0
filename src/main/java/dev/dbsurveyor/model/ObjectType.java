package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Kind of schema object an {@link ObjectFailure} is about. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ObjectType {
    TABLE,
    VIEW,
    INDEX,
    CONSTRAINT,
    PROCEDURE,
    FUNCTION,
    TRIGGER,
    CUSTOM_TYPE,
    /** Addition to v1.0: a scheduled event (MySQL, MariaDB). */
    EVENT,
    /** Addition to v1.0: the privileges, policies or owners of a database or server. */
    PRIVILEGE
}
