package io.certaudit.agent.windows;

/** The Wine lane over the committed recording ({@code wine/answers.txt}): runs everywhere. */
class WineAnswersTest extends WineAnswersChecks {

    @Override
    WineAnswers record() throws Exception {
        return WineAnswers.load();
    }
}
