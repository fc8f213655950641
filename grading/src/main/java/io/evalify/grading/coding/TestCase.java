package io.evalify.grading.coding;

/**
 * One test case with everything needed to run and score it.
 *
 * @param id test case id
 * @param input stdin
 * @param expectedOutput the stored expected output
 * @param marks this case's share of the question's marks (weight scaled to marks)
 */
record TestCase(String id, String input, String expectedOutput, double marks) {}
