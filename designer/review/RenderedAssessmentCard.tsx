/** An assessment as the patient meets it: the introduction, then each question as it is sent, with its numbered answer options. */
import type { RenderedAssessment } from './rendered-messages.js';
import { RenderedTextBlock } from './RenderedTextBlock.js';

export function RenderedAssessmentCard({ assessment }: { assessment: RenderedAssessment }) {
  const how =
    assessment.delivery === 'sms'
      ? `one question per ${assessment.channel === 'sms' ? 'SMS' : 'email'}`
      : 'one message with a link to a web form';
  return (
    <>
      <p className="rendered-meta">
        <span className="channel-tag">Assessment</span> {assessment.title}, {how}
      </p>
      {assessment.intro && <RenderedTextBlock text={assessment.intro} testId={`rendered-intro-${assessment.stepId}`} />}
      <ol className="rendered-questions" data-testid={`rendered-questions-${assessment.stepId}`}>
        {assessment.questions.map((question) => (
          <li key={question.linkId}>
            <div className="rendered-text">{question.text}</div>
            {question.sms && (
              <small className="muted">
                {question.sms.segments} segment{question.sms.segments === 1 ? '' : 's'}, {question.sms.encoding}
              </small>
            )}
            {question.options.length > 0 && (
              <ul className="rendered-options" aria-label="Answer options">
                {question.options.map((option) => (
                  <li key={option.number}>
                    <strong>{option.number}</strong> {option.label}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
