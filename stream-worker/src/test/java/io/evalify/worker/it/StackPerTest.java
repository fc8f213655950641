package io.evalify.worker.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the integration tests that need a fresh system (own broker and worker) for every test. */
abstract class StackPerTest {

    /** The system under test, new for each test. */
    protected EvalifyStack stack;

    @BeforeEach
    void startStack() {
        stack = EvalifyStack.start();
    }

    @AfterEach
    void stopStack() {
        stack.close();
    }
}
