import { describe, expect, it } from 'vitest';
import { ordinalOf, scoreOf, Questionnaire } from '../../schema/fhir/index.js';
import {
  addItem,
  addOption,
  asDraft,
  changeType,
  itemAt,
  moveItem,
  removeItem,
  removeOption,
  setCondition,
  updateItem,
  updateOption,
} from './model.js';

const empty = asDraft({ resourceType: 'Questionnaire', id: 'n', title: 'New', status: 'draft', item: [] })!;

describe('questionnaire builder edits', () => {
  it('builds a scored three-question questionnaire that validates and scores', () => {
    let draft = empty;
    for (const text of ['Little interest', 'Feeling down', 'Trouble sleeping']) {
      const added = addItem(draft, 'choice');
      draft = changeType(added.draft, added.path, 'choice');
      draft = updateItem(draft, added.path, { text, required: true });
      draft = addOption(draft, added.path);
      draft = addOption(draft, added.path);
      draft = updateOption(draft, added.path, 0, { label: 'Not at all' });
      draft = updateOption(draft, added.path, 2, { label: 'Nearly every day', score: 3 });
    }
    const questionnaire = Questionnaire.parse(draft);
    expect(questionnaire.item.map((item) => item.linkId)).toEqual(['q1', 'q2', 'q3']);
    expect(questionnaire.item[1].answerOption?.map(ordinalOf)).toEqual([0, 1, 3]);
    expect(scoreOf(questionnaire, { q1: 'a1', q2: 'a3', q3: 'a2' }).score).toBe(4);
  });

  it('reorders, removes and retypes, keeping only what the new type uses', () => {
    let draft = empty;
    for (let i = 0; i < 3; i += 1) draft = addItem(draft, 'boolean').draft;
    const moved = moveItem(draft, [2], -1);
    expect(moved.path).toEqual([1]);
    expect(moved.draft.item.map((item) => item.linkId)).toEqual(['q1', 'q3', 'q2']);
    expect(moveItem(moved.draft, [0], -1).draft).toBe(moved.draft);
    draft = removeItem(moved.draft, [0]);
    expect(draft.item.map((item) => item.linkId)).toEqual(['q3', 'q2']);
    draft = changeType(draft, [0], 'choice');
    expect(itemAt(draft, [0])?.answerOption).toHaveLength(1);
    draft = changeType(draft, [0], 'integer');
    expect(itemAt(draft, [0])).not.toHaveProperty('answerOption');
  });

  it('unscores an answer, removes one, and sets or clears a condition', () => {
    let draft = addItem(empty, 'choice').draft;
    draft = changeType(draft, [0], 'choice');
    draft = addOption(draft, [0]);
    draft = updateOption(draft, [0], 1, { score: null });
    expect(itemAt(draft, [0])?.answerOption?.map(ordinalOf)).toEqual([0, undefined]);
    draft = removeOption(draft, [0], 0);
    expect(itemAt(draft, [0])?.answerOption).toHaveLength(1);
    draft = addItem(draft, 'text', [0]).draft;
    draft = setCondition(draft, [1], { question: 'q1', operator: '=', answerCoding: { code: 'a2' } });
    expect(itemAt(draft, [1])?.enableWhen).toEqual([{ question: 'q1', operator: '=', answerCoding: { code: 'a2' } }]);
    expect(setCondition(draft, [1], undefined).item[1]).not.toHaveProperty('enableWhen');
  });

  it('edits items inside a group', () => {
    let draft = addItem(empty, 'group').draft;
    draft = updateItem(draft, [0], { item: [{ linkId: 'inner', type: 'boolean', text: 'Inner?' }] });
    draft = addItem(draft, 'integer', [0, 0]).draft;
    expect(itemAt(draft, [0, 1])?.type).toBe('integer');
    draft = moveItem(draft, [0, 1], -1).draft;
    expect(draft.item[0].item?.map((item) => item.type)).toEqual(['integer', 'boolean']);
  });

  it('accepts only a questionnaire', () => {
    expect(asDraft({ resourceType: 'Patient' })).toBeUndefined();
    expect(asDraft('text')).toBeUndefined();
    expect(asDraft({ resourceType: 'Questionnaire' })?.item).toEqual([]);
    // Half-typed JSON the builder could not walk stays in the JSON view.
    expect(asDraft({ resourceType: 'Questionnaire', item: [{ linkId: 'a', answerOption: 'x' }] })).toBeUndefined();
    expect(asDraft({ resourceType: 'Questionnaire', item: [{ linkId: 'g', item: [3] }] })).toBeUndefined();
  });
});
