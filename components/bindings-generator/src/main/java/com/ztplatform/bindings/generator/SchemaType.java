package com.ztplatform.bindings.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;

import java.util.List;
import java.util.Map;

/** A property type of the Pulumi schema, as pulumi-java-gen maps it to Java. */
sealed interface SchemaType {
    ClassName STRING = ClassName.get(String.class);

    /** The Java type inside {@code Output<...>}. */
    TypeName java();

    /** How the type reads in Javadoc, like {@code list of string}. */
    String describe();

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}. */
    record Scalar(String name, ClassName cls) implements SchemaType {
        static Scalar of(String name) {
            return switch (name) {
                case "string" -> new Scalar(name, STRING);
                case "integer" -> new Scalar(name, ClassName.get(Integer.class));
                case "number" -> new Scalar(name, ClassName.get(Double.class));
                case "boolean" -> new Scalar(name, ClassName.get(Boolean.class));
                default -> null;
            };
        }

        @Override
        public TypeName java() {
            return cls;
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** {@code "type": "array"}. */
    record ListOf(SchemaType item) implements SchemaType {
        @Override
        public TypeName java() {
            return ParameterizedTypeName.get(ClassName.get(List.class), item.java());
        }

        @Override
        public String describe() {
            return "list of " + item.describe();
        }
    }

    /** {@code "type": "object"} with {@code additionalProperties}. */
    record MapOf(SchemaType value) implements SchemaType {
        @Override
        public TypeName java() {
            return ParameterizedTypeName.get(ClassName.get(Map.class), STRING, value.java());
        }

        @Override
        public String describe() {
            return "map of string to " + value.describe();
        }
    }

    /** A {@code $ref} to an object type of the schema, bound as {@code <Name>Args}. */
    record Ref(String token, ClassName args) implements SchemaType {
        @Override
        public TypeName java() {
            return args;
        }

        @Override
        public String describe() {
            return "object " + args.simpleName();
        }
    }
}
