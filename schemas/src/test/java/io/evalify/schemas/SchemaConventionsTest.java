package io.evalify.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.evalify.schemas.SchemaDocuments.Located;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.job.CallbackStatus;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import io.evalify.schemas.result.EvaluationResult;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.QuestionStatus;
import io.evalify.schemas.result.SaveBody;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The schemas and the Java types say the same thing, and each schema follows our house rules. */
class SchemaConventionsTest {

    /** Where each record of this module is described: schema file and JSON Pointer of its object schema. */
    private static final Map<Class<? extends Record>, Described> DESCRIBED_AT = describedAt();

    private static Map<Class<? extends Record>, Described> describedAt() {
        Map<Class<? extends Record>, Described> at = new LinkedHashMap<>();
        at.put(JobSubmission.class, new Described(SchemaName.JOB_SUBMISSION, ""));
        at.put(JobSubmission.Filters.class, new Described(SchemaName.JOB_SUBMISSION, "/properties/filters"));
        at.put(JobSubmission.Config.class, new Described(SchemaName.JOB_SUBMISSION, "/properties/config"));
        at.put(JobAccepted.class, new Described(SchemaName.JOB_ACCEPTED, ""));
        at.put(JobStatusResponse.class, new Described(SchemaName.JOB_STATUS, ""));
        at.put(JobStatusResponse.Counts.class, new Described(SchemaName.JOB_STATUS, "/$defs/counts"));
        at.put(JobStatusResponse.Callback.class, new Described(SchemaName.JOB_STATUS, "/$defs/callback"));
        at.put(TaskEvent.class, new Described(SchemaName.TASK_EVENT, ""));
        at.put(DeadLetter.class, new Described(SchemaName.DEAD_LETTER, ""));
        at.put(DeadLetter.Source.class, new Described(SchemaName.DEAD_LETTER, "/$defs/source"));
        at.put(TaskFailure.class, new Described(SchemaName.DEAD_LETTER, "/$defs/taskFailure"));
        at.put(SaveBody.class, new Described(SchemaName.STUDENT_RESULT, ""));
        at.put(EvaluationResult.class, new Described(SchemaName.STUDENT_RESULT, "/$defs/evaluationResult"));
        at.put(QuestionOutcome.class, new Described(SchemaName.STUDENT_RESULT, "/$defs/questionOutcome"));
        at.put(QuestionOutcome.Metrics.class, new Described(SchemaName.STUDENT_RESULT, "/$defs/metrics"));
        return at;
    }

    static Stream<Class<? extends Record>> describedRecords() {
        return DESCRIBED_AT.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("describedRecords")
    void shouldDeclareEveryRecordPropertyInTheSchemaAndNoOther(Class<? extends Record> type) {
        Located schema = DESCRIBED_AT.get(type).schema();

        assertThat(schema.propertyNames()).containsExactlyInAnyOrderElementsOf(jsonNames(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("describedRecords")
    void shouldRequireOrDefaultEveryPrimitiveSoThatAMissingValueIsNeverASilentZero(Class<? extends Record> type) {
        Located schema = DESCRIBED_AT.get(type).schema();

        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                String name = jsonName(component);
                assertThat(schema.required().contains(name)
                                || schema.property(name).node().has("default"))
                        .as("%s.%s is primitive: required or defaulted", type.getSimpleName(), name)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldDescribeEveryRecordReachableFromARecordBackedSchema() {
        Set<Class<?>> reachable = new HashSet<>();
        Deque<Type> toVisit = new ArrayDeque<>();
        Stream.of(SchemaName.values()).flatMap(s -> s.recordType().stream()).forEach(toVisit::add);
        while (!toVisit.isEmpty()) {
            Type next = toVisit.pop();
            if (next instanceof ParameterizedType generic) {
                toVisit.addAll(List.of(generic.getActualTypeArguments()));
            } else if (next instanceof Class<?> type && type.isRecord() && reachable.add(type)) {
                Stream.of(type.getRecordComponents())
                        .map(RecordComponent::getGenericType)
                        .forEach(toVisit::add);
            }
        }

        assertThat(new HashSet<Class<?>>(DESCRIBED_AT.keySet())).isEqualTo(reachable);
    }

    @Test
    void shouldListEveryJobStatusInTheSchemaEnumAndNothingElse() {
        assertThat(commonEnum("jobStatus")).containsExactlyInAnyOrderElementsOf(names(JobStatus.values()));
    }

    @Test
    void shouldListEveryQuestionStatusInTheSchemaEnumAndNothingElse() {
        assertThat(commonEnum("questionStatus")).containsExactlyInAnyOrderElementsOf(names(QuestionStatus.values()));
    }

    @Test
    void shouldListEveryCallbackStatusInTheSchemaEnumAndNothingElse() {
        List<String> values = new ArrayList<>();
        SchemaDocuments.read(SchemaName.JOB_STATUS)
                .at("/$defs/callback/properties/status/enum")
                .values()
                .forEach(v -> values.add(v.asString()));
        assertThat(values)
                .containsExactlyInAnyOrderElementsOf(Stream.of(CallbackStatus.values())
                        .map(CallbackStatus::value)
                        .toList());
    }

    @Test
    void shouldListEveryTaskLaneInTheSchemaEnumAndNothingElse() {
        assertThat(commonEnum("taskLane")).containsExactlyInAnyOrderElementsOf(names(TaskLane.values()));
    }

    @Test
    void shouldListEveryUiStatusAQuestionStatusMapsToAndNothingElse() {
        Set<String> uiStatuses =
                Stream.of(QuestionStatus.values()).map(QuestionStatus::uiStatus).collect(Collectors.toSet());

        assertThat(commonEnum("uiStatus")).containsExactlyInAnyOrderElementsOf(uiStatuses);
    }

    @Test
    void shouldKeepTheCompatStatusesASubsetOfTheJobStatuses() {
        assertThat(names(JobStatus.values())).containsAll(commonEnum("compatStatus"));
    }

    @ParameterizedTest
    @EnumSource(SchemaName.class)
    void shouldDeclareDraft202012AndTheIdOfItsSchemaName(SchemaName name) {
        JsonNode schema = SchemaDocuments.read(name);

        assertThat(schema.path("$schema").asString()).isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
        assertThat(schema.path("$id").asString()).isEqualTo(name.id());
    }

    @ParameterizedTest
    @EnumSource(SchemaName.class)
    void shouldConformToTheDraft202012MetaSchema(SchemaName name) {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(SchemaDocuments.read(name))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SchemaName.class)
    void shouldDecideAdditionalPropertiesAndDescribeEveryObjectSchema(SchemaName name) {
        List<String> undecided = new ArrayList<>();
        visitObjectSchemas(SchemaDocuments.read(name), "", (pointer, node) -> {
            if (!node.has("additionalProperties")) {
                undecided.add(pointer);
            }
        });

        assertThat(undecided).as("object schemas without additionalProperties").isEmpty();
        assertThat(SchemaDocuments.read(name).path("description").asString()).isNotBlank();
    }

    @Test
    void shouldRegisterEverySchemaFileInSchemaName() throws Exception {
        Set<String> registered =
                Stream.of(SchemaName.values()).map(SchemaName::fileName).collect(Collectors.toSet());

        try (Stream<Path> files = Files.list(Example.classpathFolder(SchemaName.RESOURCE_FOLDER))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(registered);
        }
    }

    private record Described(SchemaName document, String pointer) {
        Located schema() {
            JsonNode node = SchemaDocuments.read(document).at(pointer);
            assertThat(node.isMissingNode())
                    .as("%s#%s", document.fileName(), pointer)
                    .isFalse();
            return new Located(node, document).resolved();
        }
    }

    private static List<String> jsonNames(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents())
                .map(SchemaConventionsTest::jsonName)
                .toList();
    }

    /** The {@code @JsonProperty} name; the annotation lands on the accessor, as it has no record-component target. */
    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static List<String> commonEnum(String definition) {
        List<String> values = new ArrayList<>();
        SchemaDocuments.read(SchemaName.COMMON)
                .at("/$defs/" + definition + "/enum")
                .values()
                .forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    private static boolean describesObjects(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.asString("").equals("object")
                || (type.isArray() && type.toString().contains("\"object\""));
    }

    /** Calls {@code visitor} for every object schema (with a type) that declares {@code properties}. */
    private static void visitObjectSchemas(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties") && describesObjects(node)) {
            visitor.accept(pointer, node);
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            JsonNode child = member.getValue();
            String childPointer = pointer + "/" + member.getKey();
            if (child.isObject()) {
                visitObjectSchemas(child, childPointer, visitor);
            } else if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    visitObjectSchemas(child.get(i), childPointer + "/" + i, visitor);
                }
            }
        }
    }
}
