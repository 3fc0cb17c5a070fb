/** Search attributes an enrollment publishes, so live counts per step come from Temporal's visibility. Ids only, never PHI. */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The version the enrollment runs. */
export const versionIdKey = defineSearchAttributeKey('CarepathVersionId', SearchAttributeType.KEYWORD);
/** The step the enrollment is in now (its last step once it has ended). */
export const currentStepKey = defineSearchAttributeKey('CarepathStep', SearchAttributeType.KEYWORD);

/** Register these on the server (`temporal server start-dev --search-attribute CarepathVersionId=Keyword --search-attribute CarepathStep=Keyword`). */
export const enrollmentSearchAttributes = [versionIdKey, currentStepKey];

/** The edges the enrollment has passed (`step.output`, each once), so live counts per edge come from visibility too. */
export const passedEdgesKey = defineSearchAttributeKey('CarepathPassed', SearchAttributeType.KEYWORD_LIST);

/** Everything live counts need registered: `--search-attribute CarepathPassed=KeywordList` besides the two above. */
export const liveCountSearchAttributes = [...enrollmentSearchAttributes, passedEdgesKey];
