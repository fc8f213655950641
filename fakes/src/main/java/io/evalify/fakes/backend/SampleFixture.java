package io.evalify.fakes.backend;

/** Ids in the shipped sample fixture ({@link Fixture#sample()}), so tests need not repeat strings. */
public final class SampleFixture {

    /** The sample quiz. */
    public static final String QUIZ_ID = "11111111-1111-4111-8111-111111111111";

    /** Student A: everything correct. */
    public static final String STUDENT_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

    /** Student B: a mix of right, partial and wrong answers; no descriptive answer. */
    public static final String STUDENT_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

    /** Student C: NOT_SUBMITTED with {@code response: null}. */
    public static final String STUDENT_C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

    /** Question ids, one per gradable type. */
    public static final String Q_MCQ = "q-mcq",
            Q_MMCQ = "q-mmcq",
            Q_TF = "q-tf",
            Q_FITB = "q-fitb",
            Q_MATCH = "q-match",
            Q_DESC = "q-desc",
            Q_CODE = "q-code";

    /** The coding question's reference solution. */
    public static final String REFERENCE_SOLUTION = "a,b=map(int,input().split())\nprint(a+b)";

    /** Student A's (correct) program. */
    public static final String STUDENT_A_CODE = "x,y=map(int,input().split())\nprint(x+y)";

    /** Student B's program: right for "2 3", wrong for "10 20". */
    public static final String STUDENT_B_CODE = "x,y=map(int,input().split())\nprint(x+y if x==2 else x*y)";

    private SampleFixture() {}
}
