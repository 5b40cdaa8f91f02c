/**
 * Patterns of the genre that the seed articles do not show, on short texts written for the tests:
 * the extractor must handle articles it has never seen.
 */
import { strict as assert } from 'node:assert';
import { extractArticle } from '../src/extract/index.js';

const x = (text: string) => extractArticle('t.txt', `${text}\n`);
const persons = (t: string) => [...x(t).persons.values()].map((p) => p.name).sort();

describe('extraction patterns', () => {
  it('"took place ..., co-chaired by A and B": one event, chaired by both', () => {
    const r = x('The 13th Vietnam - India Defence Policy Dialogue took place in New Delhi on June 8, co-chaired by Deputy Minister of National Defence Senior Lieutenant General Hoang Xuan Chien and Indian Defence Secretary Giridhar Aramane.');
    assert.equal(r.meetings.length, 1);
    const [m] = r.meetings;
    assert.equal(m.kind, 'dialogue');
    assert.equal(m.ordinal, 13);
    assert.deepEqual([...m.chairs.keys()].sort(), ['giridhar-aramane', 'hoang-xuan-chien']);
    assert.ok(m.participants.has('india') && m.participants.has('vietnam'));
    assert.equal(m.location?.key, 'place:new-delhi');
    assert.ok(r.persons.get('giridhar-aramane')!.positions.has('Indian Defence Secretary'));
    assert.equal(r.persons.get('giridhar-aramane')!.nationality?.key, 'india');
  });

  it('a title inside a run of capitalised words does not swallow the person or the body', () => {
    const r = x('The dialogue was co-chaired by Deputy Minister of Foreign Affairs Do Hung Viet and Deputy Secretary General for Political Affairs of the European External Action Service (EEAS) Enrique Mora.');
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Do Hung Viet', 'Enrique Mora']);
    assert.deepEqual([...r.organizations.keys()], ['european-external-action-service']);
  });

  it('a consultation held on a date with a year is a dated dialogue; a signed plan is an agreement', () => {
    const r = x('The second Vietnam-Cambodia Defence Policy Consultation was held in Phnom Penh on December 12, 2023. They signed the 2024 defence cooperation plan between the two ministries.');
    const [m] = r.meetings;
    assert.equal(m.kind, 'dialogue');
    assert.equal(m.date?.value, '2023-12-12');
    const [plan] = [...r.agreements.values()];
    assert.equal(plan.name, '2024 defence cooperation plan');
    assert.equal(plan.status, 'signed');
  });

  it('a planned or invited event is no meeting', () => {
    const r = x('Minister Lich met with Minister Kishi Nobuo in Tokyo on May 3. He invited Kishi to attend the ADMM Plus slated to be held online from December 9 to 11.');
    assert.equal(r.meetings.length, 1);
  });

  it('a courtesy call during a visit is a meeting of its own, part of the visit', () => {
    const r = x('General Pande is on an official visit to Vietnam from June 18 to 21, 2023. During his visit to Vietnam, Pande paid a courtesy call on Defence Minister General Phan Van Giang.');
    const visit = r.meetings.find((m) => m.kind === 'visit')!;
    assert.equal(visit.date?.value, '2023-06');
    const call = r.meetings.find((m) => m.participants.has('phan-van-giang'))!;
    assert.equal(call.kind, 'meeting');
    assert.equal(call.partOf?.id, visit.id);
    assert.equal(call.date?.value, '2023-06', 'the call takes the date of the visit');
  });

  it('no person is made of a place, a country, an organization or a month', () => {
    assert.deepEqual(persons('The Ho Chi Minh City Border Guard Command and the Central African Republic met in Hanoi in May 2020.'), []);
  });

  it('a demonym keeps to a service but not to a ministry', () => {
    const r = x('Officers of the Australian Defence Force and the French Ministry of the Armed Forces met in Canberra on March 2.');
    assert.ok(r.organizations.has('australian-defence-force'));
    assert.equal(r.organizations.get('france-ministry-of-the-armed-forces')?.name, 'Ministry of the Armed Forces');
  });

  it('talks via video link are a teleconference; a position word is never a name', () => {
    const r = x('Minister of National Defence General Phan Van Giang held talks via video link with Chinese State Councilor and Defence Minister General Wei Fenghe on April 23.');
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Phan Van Giang', 'Wei Fenghe']);
    assert.equal(r.meetings[0].kind, 'teleconference');
    assert.equal(r.persons.get('wei-fenghe')!.nationality?.key, 'china');
  });

  it('names like McKeague, and bodies with a slash in their name', () => {
    const r = x('Chien held a working session with a delegation of the US Defense POW/MIA Accounting Agency (DPAA) led by its Director Kelly McKeague in Hanoi on March 20.');
    assert.ok(r.persons.has('kelly-mckeague'));
    assert.equal([...r.organizations.values()][0].acronym, 'DPAA');
    assert.ok(r.meetings[0].participants.has('kelly-mckeague'));
  });

  it('no person is made of a school, a course, a ship or an honorific; offices such as "Surgeon General" are titles', () => {
    const r = x([
      'Later, General Kim Dong-su and his delegation visited the Army Officer School and the Naval Officer School in Busan.',
      'The UN Staff Officer Course opened in Hanoi on May 5.',
      'Colonel Hans Weber, Deputy Surgeon General of the Bundeswehr, also attended the talks.',
      "Minister Tran Van Binh was received by Malaysian Minister of Defence Dato' Seri Ahmad Zaki Hassan, Chair of the ADMM.",
      'Commander Arjun Mehta, Commanding Officer of INS Kolkata, called on Rear Admiral Le Van Hoa.',
      "Instructors from the Australian Army's School of Military Engineering and Vietnamese trainers taught the course.",
    ].join(' '));
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Ahmad Zaki Hassan', 'Arjun Mehta', 'Hans Weber', 'Kim Dong-su', 'Le Van Hoa', 'Tran Van Binh']);
    assert.ok(r.persons.get('hans-weber')!.positions.has('Deputy Surgeon General of the Bundeswehr'));
    assert.ok(r.persons.get('ahmad-zaki-hassan')!.positions.has('Malaysian Minister of Defence'));
    const orgs = [...r.organizations.values()].map((o) => o.name);
    for (const o of ['Army Officer School', 'Naval Officer School', 'School of Military Engineering']) assert.ok(orgs.includes(o), `${o} in ${orgs.join(', ')}`);
  });

  it('a full name misspelt once is the person named more often; no person of a photo credit or a title-case headline', () => {
    const r = x([
      'Both Navies Sign Accord On Maritime Training',
      "Indonesian Navy Chief of Staff Admiral Budi Santoso received Vice Admiral Tran Van Thanh, Commander of the Vietnam People's Navy, in Jakarta on Monday.",
      'Admiral Budi and Vice Admiral Tran Van Thinh then signed a memorandum of understanding on maritime training.',
      'Thanh thanked his host for the warm welcome.',
      'The two admirals at the signing ceremony. Photo by Jakarta Daily/Rina Kusuma',
    ].join('\n'));
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Budi Santoso', 'Tran Van Thanh']);
    assert.ok([...r.persons.get('tran-van-thanh')!.aliases.keys()].some((a) => a.includes('Tran Van Thinh')));
  });

  it('an edition named with its city and year ("Conference – Da Nang 2025") is dated in that year', () => {
    const r = x('The International Naval Medicine Conference – Da Nang 2025 opened in Da Nang on May 12, bringing together delegates from nine countries.');
    assert.equal(r.meetings.length, 1);
    assert.equal(r.meetings[0].kind, 'conference');
    assert.equal(r.meetings[0].date?.value, '2025-05-12');
  });

  it('"Vietnam\'s Office for X" is the Office for X of Vietnam; "the Lao guests" are the visiting delegation\'s head', () => {
    const r = x("Mercer praised the cooperation of Vietnam's Office for Seeking Missing Persons with the agency.");
    const office = [...r.organizations.values()].find((o) => /Office for Seeking Missing Persons/.test(o.name))!;
    assert.equal(office.name, 'Office for Seeking Missing Persons');
    assert.equal(office.countryKey, 'vietnam');
    const v = x([
      'A delegation of the Military Command of Champasak province led by Colonel Khamla Sitthivong paid a working visit to Kon Tum province from May 3 to 5.',
      'The Lao guests also paid a courtesy call on Tran Van Tuan, Chairman of the Kon Tum Provincial People\'s Committee.',
    ].join(' '));
    assert.ok(v.meetings.some((m) => m.kind === 'meeting' && m.participants.has('khamla-sitthivong') && m.participants.has('tran-van-tuan')));
  });

  it('"Also present were A and representatives of X" joins A to the event told; "General Fuentes Aguilera" is Rolando Fuentes Aguilera', () => {
    const r = x([
      'Deputy Minister Tran Van Nam received Division General Rolando Fuentes Aguilera, Vice Minister of the Revolutionary Armed Forces of Cuba, in Hanoi on May 4.',
      'Also present were Cuban Ambassador Carlos Perez Lima and representatives of the Military Medicine Department.',
      'General Fuentes Aguilera thanked his host.',
    ].join(' '));
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Carlos Perez Lima', 'Rolando Fuentes Aguilera', 'Tran Van Nam']);
    const [m] = r.meetings;
    assert.ok(m.participants.has('carlos-perez-lima'));
    assert.ok(![...m.participants.keys()].some((k) => r.organizations.get(k)?.name === 'Military Medicine Department'));
  });
});
