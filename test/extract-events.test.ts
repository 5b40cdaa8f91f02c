/**
 * Events as the genre reports them, on short texts written for these tests (never copies of real
 * articles): every event the text says took place is its own node, both sides of each meeting take
 * part, the type follows what the text says, and the date follows the year the text gives.
 */
import { strict as assert } from 'node:assert';
import { extractArticle } from '../src/extract/index.js';
import type { Meeting } from '../src/extract/model.js';
import { findDates } from '../src/extract/dates.js';

const x = (text: string) => extractArticle('t.txt', `${text}\n`, {}, { trace: true });
const people = (m: Meeting) => [...m.participants.keys()].sort();
const byKind = (ms: Meeting[], kind: string) => ms.filter((m) => m.kind === kind);

describe('extraction: events', () => {
  it('talks followed by a reception are two events, each with both sides; the partner country is involved in both', () => {
    const r = x('Defence Minister General Phan Van Giang held talks with German Parliamentary State Secretary Siemtje Moeller in Hanoi on March 4. ' +
      'The two sides agreed to step up training cooperation between the Vietnam People\'s Army and the Bundeswehr. ' +
      'Later, Prime Minister Pham Minh Chinh received the German guest.');
    assert.equal(r.meetings.length, 2);
    const [talks] = byKind(r.meetings, 'talks');
    const [reception] = byKind(r.meetings, 'reception');
    assert.deepEqual(people(talks), ['phan-van-giang', 'siemtje-moeller']);
    assert.deepEqual(people(reception), ['pham-minh-chinh', 'siemtje-moeller']);
    for (const m of [talks, reception]) assert.ok(m.involves.has('germany') || m.participants.has('germany'), `#${m.id} involves Germany`);
    assert.ok(r.persons.get('siemtje-moeller')!.positions.has('German Parliamentary State Secretary'));
    assert.ok(!r.persons.has('bundeswehr'), 'an armed force is no person');
  });

  it('an event mentioned in passing ("the recent phone talks between A and B") is an event of its own, with its own sides', () => {
    const r = x('Deputy Minister Hoang Xuan Chien hosted a reception for Lao Ambassador Khamphao Ernthavanh in Hanoi on June 2. ' +
      'He said ties have grown, most notably through the recent phone talks between General Luong Cuong and Lieutenant General Vongkham Phommakone, as well as joint training.');
    assert.equal(r.meetings.length, 2);
    const [reception] = byKind(r.meetings, 'reception');
    const [call] = byKind(r.meetings, 'call');
    assert.deepEqual(people(reception), ['hoang-xuan-chien', 'khamphao-ernthavanh']);
    assert.deepEqual(people(call), ['luong-cuong', 'vongkham-phommakone']);
  });

  it('meetings on the sidelines of a named gathering: each its own event, the gathering too, dated by the year in its name', () => {
    const r = x('On the sidelines of the 2022 ASEAN Defence Ministers\' Meeting Retreat, Defence Minister General Phan Van Giang met with Cambodian Defence Minister Tea Banh on March 3. ' +
      'At a separate meeting, Minister Giang and his Thai counterpart Prawit Wongsuwan reviewed bilateral ties.');
    const conference = r.meetings.find((m) => m.kind === 'conference')!;
    assert.ok(conference, 'the gathering is an event');
    assert.equal(conference.date?.value, '2022');
    const meetings = byKind(r.meetings, 'meeting');
    assert.equal(meetings.length, 2);
    assert.deepEqual(people(meetings[0]), ['phan-van-giang', 'tea-banh']);
    assert.equal(meetings[0].date?.value, '2022-03-03', 'the year of the gathering dates "March 3"');
    assert.deepEqual(people(meetings[1]), ['phan-van-giang', 'prawit-wongsuwan']);
    for (const m of meetings) assert.equal(m.partOf?.id, conference.id);
    for (const p of ['tea-banh', 'prawit-wongsuwan', 'phan-van-giang']) assert.ok(conference.participants.has(p));
  });

  it('"Earlier, he held talks with his counterpart": a talks event before the reception, not part of it', () => {
    const r = x('President Tran Dai Quang received Indian Defence Minister Rajnath Singh in Hanoi on June 9. ' +
      'Earlier, Singh held talks with his Vietnamese counterpart General Ngo Xuan Lich.');
    assert.equal(r.meetings.length, 2);
    assert.deepEqual(people(byKind(r.meetings, 'reception')[0]), ['rajnath-singh', 'tran-dai-quang']);
    assert.deepEqual(people(byKind(r.meetings, 'talks')[0]), ['ngo-xuan-lich', 'rajnath-singh']);
  });

  it('the types follow the words: spoke over the phone is a call, an online discussion a teleconference, witnessing a signing a meeting', () => {
    const call = x('Defence Minister Ngo Xuan Lich spoke over the phone with Japanese Defence Minister Kono Taro on Tuesday.');
    assert.deepEqual(call.meetings.map((m) => m.kind), ['call']);
    const online = x('General Ngo Xuan Lich and his Australian counterpart Linda Reynolds held an online discussion on August 20. After the talks, the ministers witnessed the signing of a cooperation agreement in military medicine.');
    assert.deepEqual(online.meetings.map((m) => m.kind), ['teleconference', 'meeting']);
    const signing = online.meetings[1];
    assert.deepEqual(people(signing).filter((k) => k !== 'australia' && k !== 'vietnam'), ['linda-reynolds', 'ngo-xuan-lich']);
    assert.ok(signing.participants.has('australia'), 'the signing states are parties');
    const [agreement] = [...online.agreements.values()];
    assert.equal(agreement.name, 'cooperation agreement in military medicine');
  });

  it('a port call is a visit by the navy whose ship docked; a second docking of the ship is the same visit', () => {
    const r = x('Frigate Prairial of the French Navy docked at Cam Ranh international port on Monday, beginning a four-day visit. ' +
      'On Tuesday morning, the frigate docked at the naval base for refuelling.');
    assert.equal(r.meetings.length, 1);
    const [visit] = r.meetings;
    assert.equal(visit.kind, 'visit');
    const navy = [...r.organizations.values()].find((o) => o.name === 'French Navy')!;
    assert.ok(navy, 'the French Navy is an organization');
    assert.ok(visit.participants.has(navy.key));
    assert.ok(![...r.organizations.values()].some((o) => /Prairial/.test(o.name)), 'a ship is no organization');
  });

  it('a visit named by its visitor ("Giang\'s visit to the RoK in 2023") is an earlier event of its own', () => {
    const r = x('Minister Phan Van Giang received Deputy Defence Minister of the Republic of Korea Kim Seon Ho on Wednesday. ' +
      'Kim agreed to carry out the activities agreed during Giang\'s visit to the RoK in 2023.');
    const visit = byKind(r.meetings, 'visit')[0];
    assert.ok(visit, 'the earlier visit is an event');
    assert.equal(visit.date?.value, '2023');
    assert.deepEqual(people(visit), ['phan-van-giang']);
    assert.equal(byKind(r.meetings, 'reception').length, 1);
  });

  it('a gathering attended is a conference; countries "with the participation of" and the chair "under the presidency of" take part', () => {
    const r = x('General Nguyen Tan Cuong attended the 21st ASEAN Chiefs of Defence Forces\' Meeting in Vientiane on March 20. ' +
      'The meeting took place under the presidency of Lao Chief of the General Staff General Thongloy Silivong, with the participation of delegations from Brunei, Cambodia and Malaysia.');
    assert.equal(r.meetings.length, 1);
    const [m] = r.meetings;
    assert.equal(m.kind, 'conference');
    assert.equal(m.ordinal, 21);
    assert.ok(m.chairs.has('thongloy-silivong'));
    for (const k of ['nguyen-tan-cuong', 'thongloy-silivong', 'brunei', 'cambodia', 'malaysia']) assert.ok(m.participants.has(k), k);
    assert.ok(r.organizations.has('asean-chiefs-of-defence-forces-meeting') || [...r.organizations.values()].some((o) => o.name.startsWith('ASEAN Chiefs of Defence Forces')));
    assert.ok(![...r.organizations.values()].some((o) => /^21st/.test(o.name)), 'the ordinal names the meeting, not the body');
  });

  it('planned, proposed and invited events are no events, and "since 2016" dates nothing', () => {
    const r = x('Colonel Le Van Hung received a French delegation led by Colonel Pierre Martin on May 5. ' +
      'Hung said it is the fifth such exchange since 2016, and invited Martin to attend the defence exhibition slated for December.');
    assert.equal(r.meetings.length, 1);
    assert.equal(r.meetings[0].date?.value, undefined);
    assert.equal(r.meetings[0].date?.text, 'May 5');
  });

  it('the speakers of a sentence take part in the event the article is telling about at that point', () => {
    const r = x('Defence Minister Ngo Xuan Lich attended a meeting between the US Secretary of Defence and ASEAN defence ministers in Bangkok on November 17. ' +
      'At the event, US Secretary of Defence Mark Esper reaffirmed support for ASEAN centrality. ' +
      'The Vietnamese minister hosted a reception for his Japanese counterpart Kono Taro. Kono said Japan supports Vietnam\'s role.');
    const [meeting] = byKind(r.meetings, 'meeting');
    const [reception] = byKind(r.meetings, 'reception');
    assert.ok(meeting.participants.has('mark-esper'));
    assert.ok(!meeting.participants.has('kono-taro'), 'Kono spoke at the reception, not at the ASEAN meeting');
    assert.deepEqual(people(reception), ['kono-taro', 'ngo-xuan-lich']);
    assert.ok(meeting.participants.has('association-of-southeast-asian-nations'));
  });

  it('a joint patrol by two navies is an event of theirs; "Earlier, the two sides held a meeting" is another, between the same sides', () => {
    const r = x('Naval Region 3 of the Vietnam People\'s Navy and the Royal Thai Navy conducted the 45th joint patrol in the Gulf of Thailand from May 5 to 7. ' +
      'Earlier, the two sides held a meeting to review the previous patrol.');
    assert.equal(r.meetings.length, 2);
    const [patrol, meeting] = r.meetings;
    assert.equal(patrol.kind, 'meeting');
    assert.deepEqual([...patrol.participants.keys()].sort(), ['naval-region-3', 'royal-thai-navy', 'vietnam-people-navy']);
    assert.deepEqual([...meeting.participants.keys()].sort(), ['naval-region-3', 'royal-thai-navy', 'vietnam-people-navy']);
  });

  it('persons with a middle initial, or named after the office they hold in a body; news agencies and datelines are no bodies', () => {
    const r = x('MOSCOW, August 14 (TASS) - US Secretary of Defense Lloyd J. Austin met with General Phan Van Giang. ' +
      'Giang also met with the head of the Federal Service for Military-Technical Cooperation, Dmitry Shugaev.');
    assert.deepEqual([...r.persons.values()].map((p) => p.name).sort(), ['Dmitry Shugaev', 'Lloyd J. Austin', 'Phan Van Giang']);
    assert.ok(r.persons.get('dmitry-shugaev')!.positions.has('head of the Federal Service for Military-Technical Cooperation'));
    assert.deepEqual([...r.organizations.values()].map((o) => o.name), ['Federal Service for Military-Technical Cooperation']);
    assert.equal(r.meetings.length, 2);
    assert.ok(r.meetings[1].participants.has('dmitry-shugaev'));
  });

  it('"was received by" makes the one after it the host; "the guest" is then the visitor; "attended a signing ceremony" is a new event', () => {
    const r = x('Deputy Minister Hoang Xuan Chien was received by Philippine Secretary of National Defense Gilberto Teodoro in Manila on March 12. ' +
      'The guest paid a courtesy call on General Romeo Brawner later the same day. ' +
      'Chien then attended a signing ceremony of the defence cooperation plan between the two ministries.');
    assert.equal(r.meetings.length, 3);
    const [reception, call, signing] = r.meetings;
    assert.equal(reception.kind, 'reception');
    assert.deepEqual([...reception.hosts.keys()], ['gilberto-teodoro']);
    assert.deepEqual(people(call), ['hoang-xuan-chien', 'romeo-brawner']);
    assert.equal(call.date?.text, 'March 12', 'the same day as the reception');
    assert.equal(signing.label, 'signing ceremony');
    assert.ok(signing.participants.has('hoang-xuan-chien'));
  });

  it('"in a phone call with X, Y said", "was attended by", "presided over" and "welcomed" name the sides of an event', () => {
    const call = x('In a phone call with Japanese Defence Minister Minoru Kihara on Friday, General Phan Van Giang said the two countries should expand cooperation.');
    assert.deepEqual(call.meetings.map((m) => [m.kind, people(m)]), [['call', ['minoru-kihara', 'phan-van-giang']]]);
    const attended = x('The seminar on military medicine opened in Hanoi on June 3, presided over by Senior Colonel Nguyen Van Hai. The event was attended by Colonel Anna Kowalska and Lieutenant Colonel Jan Novak.');
    assert.equal(attended.meetings.length, 1);
    const [seminar] = attended.meetings;
    assert.equal(seminar.kind, 'conference');
    for (const k of ['nguyen-van-hai', 'anna-kowalska', 'jan-novak']) assert.ok(seminar.participants.has(k), k);
    const welcomed = x('Defence Minister General Phan Van Giang welcomed Indonesian Defence Minister Sjafrie Sjamsoeddin in Hanoi on May 20.');
    assert.deepEqual(welcomed.meetings.map((m) => [m.kind, people(m)]), [['reception', ['phan-van-giang', 'sjafrie-sjamsoeddin']]]);
  });

  it('a consultation by videoconference stays a dialogue; an earlier one of the series is between the same countries; countries that hold an event take part', () => {
    const r = x('Vietnamese Deputy Minister Hoang Xuan Chien and New Zealand\'s Secretary of Defence Andrew Bridgman co-chaired the second defence consultation via videoconference on Tuesday. ' +
      'They reviewed outcomes since the first consultation in Wellington in 2019.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['dialogue', 'dialogue']);
    assert.equal(r.meetings[1].date?.value, '2019');
    assert.deepEqual([...r.meetings[1].participants.keys()].sort(), ['new-zealand', 'vietnam']);
    const held = x('Vietnam and Australia held their fifth Defence Ministers\' Meeting in Canberra on Monday.');
    assert.ok(held.meetings[0].participants.has('vietnam') && held.meetings[0].participants.has('australia'));
  });

  it('"called on the minister" is a courtesy call, "called on Vietnam to ..." is none; a Vietnamese name may end in a demonym', () => {
    const r = x('Lieutenant General Le Duc Thai, Commander of the Vietnam Border Guard, held talks with Lao Major General Vongsavanh Sengmany in Vientiane on October 3. ' +
      'Thai also called on Lao Deputy Defence Minister Lieutenant General Vongkham Phommakone. ' +
      'Sengmany called on Vietnam to support the joint border patrols.');
    assert.ok(r.persons.has('le-duc-thai'));
    assert.ok(!r.countries.has('thailand'), 'no Thailand in an article about Vietnam and Laos');
    assert.deepEqual(r.meetings.map((m) => [m.kind, people(m)]), [
      ['talks', ['le-duc-thai', 'vongsavanh-sengmany']], ['meeting', ['le-duc-thai', 'vongkham-phommakone']],
    ]);
  });

  it('the country a ship visits is where the port call is, not a party to it', () => {
    const r = x('Indian Navy ships INS Delhi and INS Shakti arrived at Cam Ranh International Port on June 18 for a four-day goodwill visit to Vietnam.');
    const [visit] = r.meetings;
    assert.equal(visit.kind, 'visit');
    assert.ok(!visit.participants.has('vietnam'));
    assert.ok([...visit.participants.keys()].some((k) => r.organizations.get(k)?.name === 'Indian Navy'));
  });

  it('"Receiving Y, X said ...", "exchanged views with", and a role that speaks ("the Japanese diplomat said") name the sides', () => {
    const r = x('Receiving Japanese Ambassador Ito Naoki in Hanoi on May 20, Defence Minister General Phan Van Giang said Vietnam values its ties with Japan. ' +
      'Earlier, Deputy Minister Hoang Xuan Chien exchanged views with Japanese Defence Attache Colonel Sato Kenji. ' +
      'The Japanese defence attache said Japan will support Vietnam in training.');
    assert.deepEqual(r.meetings.map((m) => [m.kind, people(m)]), [
      ['reception', ['ito-naoki', 'phan-van-giang']], ['meeting', ['hoang-xuan-chien', 'sato-kenji']],
    ]);
    const resolved = x('Defence Minister General Phan Van Giang held talks with a Lao delegation in Hanoi on June 4. ' +
      'Lao Lieutenant General Vongkham Phommakone heads the office of foreign relations of the Lao army. ' +
      'The Lao general said Laos values the support of Vietnam.');
    assert.ok(resolved.meetings[0].participants.has('vongkham-phommakone'), '"the Lao general" is the Lao lieutenant general');
    assert.deepEqual(resolved.meetings[0].participants.get('vongkham-phommakone'), [3]);
  });

  it('embassies and national legislatures are bodies, with their country; the city of an embassy stays a place', () => {
    const r = x('The British embassy in Hanoi said the Embassy of Japan in Vietnam and the US Congress had been informed.');
    assert.deepEqual([...r.organizations.values()].map((o) => [o.name, o.countryKey]).sort(), [
      ['British embassy in Hanoi', 'united-kingdom'], ['Embassy of Japan in Vietnam', 'japan'], ['US Congress', 'united-states'],
    ]);
    assert.ok(r.places.has('hanoi'));
  });

  it('talks held during a visit are an event of their own, part of the visit', () => {
    const r = x('Vice Admiral Aaron Beng arrived in Hanoi on Sunday, beginning a three-day official visit to Vietnam. ' +
      'A welcome ceremony was held for the guest on Monday, after which Beng and Senior Lieutenant General Nguyen Tan Cuong held talks.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['visit', 'talks']);
    const [visit, talks] = r.meetings;
    assert.equal(talks.partOf?.id, visit.id);
    assert.deepEqual(people(talks), ['aaron-beng', 'nguyen-tan-cuong']);
    assert.equal(talks.date?.text, 'Monday');
  });

  it('an office named with "of" is a title, not a body: "Chief of Defence Force of the Singapore Armed Forces"', () => {
    const r = x('Singapore\'s Chief of Defence Force visits Vietnam\nChief of Defence Force of the Singapore Armed Forces Vice Admiral Aaron Beng arrived in Hanoi on Sunday.');
    assert.deepEqual([...r.organizations.values()].map((o) => o.name), ['Singapore Armed Forces']);
    assert.ok(r.persons.get('aaron-beng')!.positions.has('Chief of Defence Force of the Singapore Armed Forces'));
  });

  it('a speaker with an adverb before the verb ("highly valued", "also warmly thanked") takes part', () => {
    const r = x('General Phan Van Giang met with Japanese Ambassador Ito Naoki in Hanoi on May 2. Colonel Sato Kenji, the defence attache, also warmly thanked Vietnam for its support.');
    assert.ok(r.meetings[0].participants.has('sato-kenji'));
  });

  it('a principle is a field of cooperation only where the sides act on it together', () => {
    const valued = x('General Phan Van Giang met with Admiral John Aquilino in Hanoi on May 2. Aquilino said the US attaches importance to the freedom of navigation.');
    assert.ok(!valued.meetings[0].areas.has('freedom-of-navigation'));
    const acted = x('General Phan Van Giang met with Admiral John Aquilino in Hanoi on May 2. The two sides agreed to step up engagement in protecting the freedom of navigation.');
    assert.ok(acted.meetings[0].areas.has('freedom-of-navigation'));
  });

  it('every event keeps the trace of the rules that shaped it, each with its sentence', () => {
    const r = x('General Phan Van Giang held talks with Bulgarian Defence Minister Atanas Zapryanov in Sofia on October 23.');
    const [talks] = r.meetings;
    assert.ok(talks.trace.some((t) => t.sentence === 1 && /^verb meet: "held talks with"$/.test(t.rule) && t.did === 'new talks event'), JSON.stringify(talks.trace));
    assert.ok(talks.trace.some((t) => t.did === 'participant atanas-zapryanov'));
    assert.ok(talks.trace.some((t) => /^date "October 23"/.test(t.did)));
    const untraced = extractArticle('t.txt', 'General Phan Van Giang held talks with Bulgarian Defence Minister Atanas Zapryanov in Sofia on October 23.\n');
    assert.deepEqual(untraced.meetings[0].trace, [], 'a build keeps no trace');
    assert.deepEqual([...untraced.meetings[0].participants.keys()], [...talks.participants.keys()], 'the same facts with and without the trace');
  });

  it('a drill of two coast guards is their event, with those who directed it; a title after a body starts a person; a hull number is no body', () => {
    const r = x('The Indonesian Coast Guard and the Vietnam Coast Guard held their second joint maritime law enforcement and boarding drill off Batam on October 2, 2023. ' +
      'The drill was directed by Indonesian Coast Guard Commander Vice Admiral Irvansyah Rahman and Vietnam Coast Guard Commander Major General Bui Quoc Oai. ' +
      'Ship CSB 4033 of the Vietnam Coast Guard arrived in Batam on September 29 for a friendship visit.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['meeting', 'visit']);
    const [drill, visit] = r.meetings;
    assert.deepEqual(people(drill), ['bui-quoc-oai', 'indonesian-coast-guard', 'irvansyah-rahman', 'vietnam-coast-guard']);
    assert.equal(drill.date?.value, '2023-10-02');
    assert.deepEqual(people(visit), ['vietnam-coast-guard']);
    assert.equal(r.persons.get('irvansyah-rahman')?.ranks.has('Vice Admiral'), true);
    assert.deepEqual([...r.organizations.values()].map((o) => o.name).sort(), ['Indonesian Coast Guard', 'Vietnam Coast Guard']);
  });

  it('"had bilateral meetings with A, B and C" on the sidelines of a gathering: a meeting with each, part of it; later mentions refer back to each', () => {
    const r = x('Senior Lieutenant General Le Huy Vinh attended the 10th Jakarta International Defence Dialogue in Indonesia on March 5, 2025. ' +
      'On the sidelines of the event, the Vietnamese general had bilateral meetings with Brazilian Defence Minister Jose Mucio, Thai Defence Minister Sutin Klungsang and Chilean Defence Minister Maya Fernandez. ' +
      'At the meeting with Mucio, the two sides discussed defence industry cooperation. ' +
      'Meeting Klungsang, Vinh proposed more exchanges of delegations.');
    const [gathering, ...sidelines] = r.meetings;
    assert.equal(gathering.label, '10th Jakarta International Defence Dialogue');
    assert.deepEqual(sidelines.map(people), [['jose-mucio', 'le-huy-vinh'], ['le-huy-vinh', 'sutin-klungsang'], ['le-huy-vinh', 'maya-fernandez']]);
    for (const m of sidelines) {
      assert.equal(m.partOf?.id, gathering.id);
      assert.equal(m.date?.value, '2025-03-05', 'a meeting on the sidelines takes the date of the gathering');
    }
    assert.ok(sidelines[0].evidence.includes(3), 'the meeting with Mucio is told again in sentence 3');
    assert.ok(sidelines[1].evidence.includes(4), 'so is the one with Klungsang in sentence 4');
    assert.ok(sidelines[0].areas.has('defence-industry'));
  });

  it('a visitor named by role ("The Navy chief, who is on a visit"); "the talks" is the talks told last; a Russian rank', () => {
    const r = x('Chief of the Naval Staff Admiral Dinesh Tripathi called on Defence Minister General Phan Van Giang in Hanoi on May 6. ' +
      'The Navy chief, who is on a three-day visit to Vietnam, also held talks with Navy Commander Vice Admiral Tran Thanh Nghiem. ' +
      'During the talks, both sides reviewed cooperation in naval training.');
    const [call, talks, visit] = r.meetings;
    assert.equal(call.kind, 'meeting');
    assert.equal(talks.kind, 'talks');
    assert.ok(talks.evidence.includes(2), '"During the talks" refers to the talks with the navy commander');
    assert.equal(visit.kind, 'visit');
    assert.deepEqual(people(visit), ['dinesh-tripathi']);
    const ranked = x('Colonel General Alexander Fomin met with Senior Lieutenant General Hoang Xuan Chien.');
    assert.deepEqual([...ranked.persons.get('alexander-fomin')!.ranks.keys()], ['Colonel General']);
  });

  it('a co-chaired exchange in a Vietnamese province; a patrol the ministers witnessed is an event of theirs; "the fifth such exchange" is none', () => {
    const r = x('General Phan Van Giang and Lao Defence Minister General Chansamone Chanyalath co-chaired the third Vietnam-Laos border defence friendship exchange in Dien Bien on May 8, 2024. ' +
      'They also witnessed a joint patrol by the border guards of the two countries. ' +
      'It was the fourth such exchange since 2019.');
    assert.deepEqual(r.meetings.map((m) => m.label), ['third Vietnam-Laos border defence friendship exchange', 'joint patrol']);
    const [exchange, patrol] = r.meetings;
    assert.equal(exchange.location?.key, 'place:dien-bien', 'Dien Bien is a province of Vietnam, not Laos');
    assert.deepEqual(people(exchange), ['chansamone-chanyalath', 'laos', 'phan-van-giang', 'vietnam']);
    assert.deepEqual(people(patrol), ['chansamone-chanyalath', 'phan-van-giang']);
  });

  it('a ship visit and an exercise of "the two navies"; a courtesy visit to a body; a place in a Vietnamese name is part of the name', () => {
    const r = x('The Indian Navy destroyer INS Delhi arrived at Tien Sa Port in Da Nang on June 3 for a three-day visit. ' +
      'Indian Ambassador Sandeep Arya paid a courtesy visit to the leaders of the Da Nang City People\'s Committee. ' +
      'The two navies held a passing exercise after the visit. ' +
      'Colonel Nguyen Hoa Binh, deputy commander of Naval Region 3, saw the ship off.');
    const [visit, call, exercise] = r.meetings;
    assert.equal(visit.kind, 'visit');
    assert.deepEqual(people(visit), ['indian-navy']);
    assert.deepEqual(people(call), ['da-nang-city-people-committee', 'sandeep-arya']);
    assert.equal(exercise.kind, 'meeting', 'the exercise is not typed by "after the visit"');
    assert.deepEqual(people(exercise), ['indian-navy']);
    assert.ok(r.persons.has('nguyen-hoa-binh'));
  });

  it('names after titles: "General Secretary To Lam", "Captain X, mission commander", an office with "provincial"; "today" by a dateline written day first', () => {
    const r = x('Media release, 12 March 2025\nCaptain Ryan Ward, mission commander, and Vice Chairman of the provincial People\'s Committee Le Van Son met in Nha Trang today. ' +
      'Ward later called on Party General Secretary To Lam.');
    assert.deepEqual([...r.persons.keys()].sort(), ['le-van-son', 'ryan-ward', 'to-lam']);
    assert.ok(r.persons.get('le-van-son')!.positions.has('Vice Chairman of the provincial People\'s Committee'));
    assert.ok(r.persons.get('ryan-ward')!.ranks.has('Captain'));
    assert.equal(r.meetings[0].date?.value, '2025-03-12');
    assert.ok(![...r.organizations.values()].some((o) => o.name === 'People\'s Committee'), 'a kind of body is no body');
  });

  it('"under the co-chair of A and B": both chair; a dialogue planned for later is none; "the last call between the two ministers" is between their countries', () => {
    const r = x('The fourth Vietnam-Korea Defence Strategic Dialogue took place in Seoul on May 2 under the co-chair of Senior Lieutenant General Nguyen Truong Thang and Korean Vice Minister of National Defense Kim Seon-ho. ' +
      'The two sides agreed to organise the fifth dialogue in Hanoi next year. ' +
      'Thang recalled that the last phone call between the two defence ministers in 2023 gave new impetus to ties.');
    assert.equal(r.meetings.length, 2);
    const [dialogue, call] = r.meetings;
    assert.deepEqual([...dialogue.chairs.keys()].sort(), ['kim-seon-ho', 'nguyen-truong-thang']);
    assert.equal(call.kind, 'call');
    assert.equal(call.date?.value, '2023');
    assert.deepEqual(people(call), ['republic-of-korea', 'vietnam']);
  });

  it('guests of different countries received together are met one by one; a Director General is no General; an expo dated by the year in its name', () => {
    const r = x('The Vietnam International Defence Expo 2026 opened in Hanoi on December 8. ' +
      'On the sidelines of the expo, General Phan Van Giang received Serbian Defence Minister Bratislav Gasic and Indonesian Defence Ministry Director General Yusuf Hidayat.');
    const [expo, ...receptions] = r.meetings;
    assert.equal(expo.label, 'Vietnam International Defence Expo 2026');
    assert.equal(expo.date?.value, '2026-12-08');
    assert.deepEqual(receptions.map(people), [['bratislav-gasic', 'phan-van-giang'], ['phan-van-giang', 'yusuf-hidayat']]);
    for (const m of receptions) assert.equal(m.kind, 'reception');
    const dg = r.persons.get('yusuf-hidayat')!;
    assert.deepEqual([...dg.ranks.keys()], []);
    assert.equal(dg.nationality?.key, 'indonesia');
  });

  it('a welcome ceremony followed by talks is the talks, with the delegation\'s head; "the two ministers last met" is an earlier meeting; units keep their numbers', () => {
    const r = x('A delegation of the Vietnam People\'s Army led by General Nguyen Tan Cuong paid an official visit to Malaysia from March 3 to 6, 2025. ' +
      'On March 4, General Mohd Nizam Jaffar hosted an official welcome ceremony for the Vietnamese delegation, after which the two sides held talks. ' +
      'The two generals last met in Hanoi in June 2024. ' +
      'The delegation also visited the 10th Parachute Brigade.');
    const kinds = r.meetings.map((m) => m.kind);
    assert.deepEqual(kinds, ['visit', 'talks', 'meeting', 'visit']);
    const [, talks, earlier] = r.meetings;
    assert.deepEqual(people(talks), ['mohd-nizam-jaffar', 'nguyen-tan-cuong', 'vietnam']);
    assert.equal(talks.date?.text, 'March 4');
    assert.equal(earlier.date?.value, '2024-06');
    assert.ok([...r.organizations.values()].some((o) => o.name === '10th Parachute Brigade'));
  });

  it('a patrol of two navies named by the verb that holds it, with the bodies that took part; a dialogue "via videoconference" is one event', () => {
    const r = x('Thai and Vietnamese naval ships conducted the 12th joint patrol in the Gulf of Thailand from April 2 to 4. ' +
      'Two ships from the Royal Thai Navy and two from the Vietnam People\'s Navy took part in the patrol. ' +
      'The second Vietnam-Thailand Defence Policy Dialogue via videoconference took place on May 5, 2021.');
    const [patrol, dialogue] = r.meetings;
    assert.equal(r.meetings.length, 2);
    assert.equal(patrol.label, '12th joint patrol');
    assert.deepEqual(people(patrol), ['royal-thai-navy', 'thailand', 'vietnam', 'vietnam-people-navy']);
    assert.equal(dialogue.kind, 'dialogue');
  });

  it('a person\'s arrival in another country is a visit; a date in a relative clause dates the arrival, not the meeting; a site named like a person is no person', () => {
    const r = x('General Phan Van Giang, who arrived in Japan on May 3, also met Prime Minister Fumio Kishida. ' +
      'Giang laid a wreath at the Phan Boi Chau memorial.');
    const [visit, meeting] = r.meetings;
    assert.equal(visit.kind, 'visit');
    assert.deepEqual(people(visit), ['phan-van-giang']);
    assert.equal(visit.location?.key, 'country:japan');
    assert.deepEqual(people(meeting), ['fumio-kishida', 'phan-van-giang']);
    assert.equal(meeting.date, undefined, 'the arrival day is not the day of the meeting');
    assert.ok(!r.persons.has('phan-boi-chau'));
  });

  it('"Talks were held ... between A and B"; "A reception was later hosted by X for the <demonym> minister"', () => {
    const r = x('Talks were held in Hanoi on Monday between General Phan Van Giang and Malaysian Defence Minister Mohamed Khaled Nordin. ' +
      'A reception was later hosted by Prime Minister Pham Minh Chinh for the Malaysian minister.');
    const [talks, reception] = r.meetings;
    assert.equal(talks.kind, 'talks');
    assert.deepEqual(people(talks), ['mohamed-khaled-nordin', 'phan-van-giang']);
    assert.equal(reception.kind, 'reception');
    assert.deepEqual(people(reception), ['mohamed-khaled-nordin', 'pham-minh-chinh']);
    assert.deepEqual([...reception.hosts.keys()], ['pham-minh-chinh']);
  });

  it('talks "as part of his official visit" are part of that visit, a separate event; a port call "as part of a visit" is that visit', () => {
    const r = x('General Phan Van Giang held talks with Spanish Defence Minister Margarita Robles in Madrid as part of his official visit to Spain from May 6-9. ' +
      'The Spanish Navy frigate Mendez Nunez docked at Cam Ranh port on June 2 as part of a three-day visit.');
    const [talks, visit, portCall] = r.meetings;
    assert.deepEqual(r.meetings.map((m) => m.kind), ['talks', 'visit', 'visit']);
    assert.equal(talks.partOf?.id, visit.id);
    assert.deepEqual(people(visit), ['phan-van-giang']);
    assert.equal(visit.location?.key, 'country:spain');
    assert.equal(portCall.label, 'three-day visit');
    assert.deepEqual(people(portCall), ['spain-spanish-navy']);
  });

  it('"the <demonym> delegation was led by X": X took part where that delegation did', () => {
    const r = x('A Vietnamese delegation attended the 12th meeting of the ADMM-Plus Experts\' Working Group on Peacekeeping Operations in Jakarta on May 14, 2025. ' +
      'Participants reviewed a table-top exercise held in 2024. ' +
      'The Vietnamese delegation was led by Senior Colonel Pham Manh Thang.');
    const [meeting] = r.meetings;
    assert.ok(meeting.participants.has('pham-manh-thang'));
    assert.ok(meeting.participants.has('vietnam'));
  });

  it('"A and B signed an agreement on ... in <city> on <day>" is a signing event; "after talks between the two ministers" is the talks of those two', () => {
    const r = x('General Phan Van Giang and Czech Defence Minister Jana Cernochova signed an agreement on defence cooperation in Prague on March 7. ' +
      'The signing took place after talks between the two ministers. ' +
      'Giang is on an official visit to the Czech Republic from March 6-8.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['meeting', 'talks', 'visit']);
    const [signing, talks] = r.meetings;
    assert.equal(signing.label, 'signing ceremony');
    assert.deepEqual(people(signing), ['jana-cernochova', 'phan-van-giang']);
    assert.deepEqual(people(talks), ['jana-cernochova', 'phan-van-giang']);
    const [agreement] = r.agreements.values();
    assert.equal(agreement.name, 'agreement on defence cooperation', 'the place and day of signing are not part of the name');
    assert.equal(agreement.status, 'signed');
  });

  it('"the two sides signed a memorandum" after talks is no event of its own; a body that hosts a reception takes part in it', () => {
    const r = x('General Phan Van Giang held talks with Greek Defence Minister Nikos Dendias in Athens on April 2. ' +
      'The two sides signed a memorandum of understanding on defence cooperation. ' +
      'The Ministry of National Defence hosted a reception in Hanoi on April 20 for foreign defence attachés.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['talks', 'reception']);
    assert.deepEqual([...r.meetings[1].participants.keys()].map((k) => r.organizations.get(k)?.name), ['Ministry of National Defence']);
  });

  it('farewell calls, dinners in honour of a guest, dialogues "held" by two countries and co-chaired, titles with "for" before a foreign body', () => {
    const r = x('Vietnam and Italy held their second defence policy dialogue in Rome on June 4, co-chaired by Senior Lieutenant General Nguyen Truong Thang and Secretary General for Defence of the Italian Ministry of Defence Luciano Portolano. ' +
      'Italian Defence Minister Guido Crosetto hosted a dinner in honour of the Vietnamese delegation the same day. ' +
      'Before leaving, Thang paid a farewell call on Italian Ambassador Antonio Alessandro.');
    const [dialogue, dinner, farewell] = r.meetings;
    assert.deepEqual(r.meetings.map((m) => m.kind), ['dialogue', 'reception', 'meeting']);
    assert.deepEqual(people(dialogue), ['italy', 'luciano-portolano', 'nguyen-truong-thang', 'vietnam']);
    assert.ok(dinner.participants.has('guido-crosetto') && dinner.participants.has('nguyen-truong-thang'));
    assert.deepEqual(people(farewell), ['antonio-alessandro', 'nguyen-truong-thang']);
    assert.ok(!r.persons.has('defence'), 'a word of a title is no person');
  });

  it('a photo caption above the text ("A and B at the dialogue") and the dialogue the text then names are one event', () => {
    const r = extractArticle('t.txt', 'Vietnam, Norway hold defence dialogue\n' +
      'Deputy Minister Hoang Xuan Chien (R) and Norwegian State Secretary Andreas Motzfeldt Kravik at the dialogue. (Photo: VNA)\n' +
      'The third Vietnam-Norway Defence Policy Dialogue took place in Oslo on May 6 under the co-chair of Deputy Minister Hoang Xuan Chien and State Secretary Andreas Motzfeldt Kravik.\n');
    assert.equal(r.meetings.length, 1);
    assert.equal(r.meetings[0].label, 'third Vietnam-Norway Defence Policy Dialogue');
    assert.equal(r.meetings[0].ordinal, 3);
  });

  it('"Attending the meeting were A and B"; "a delegation of the <body> led by X"; a title-less full name again; "Two <body> ships"', () => {
    const r = x('The fifth meeting of defence ministers of Vietnam, Laos and Cambodia was held in Phnom Penh on May 20, chaired by Cambodian Defence Minister General Tea Seiha. ' +
      'Attending the meeting were Lao Defence Minister General Chansamone Chanyalath and Vietnamese Defence Minister General Phan Van Giang. ' +
      'Before the meeting, Giang held bilateral talks with Tea Seiha and Chansamone Chanyalath.');
    const [meeting, ...talks] = r.meetings;
    for (const k of ['tea-seiha', 'chansamone-chanyalath', 'phan-van-giang']) assert.ok(meeting.participants.has(k), k);
    assert.deepEqual(talks.map(people), [['phan-van-giang', 'tea-seiha'], ['chansamone-chanyalath', 'phan-van-giang']]);
    const d = x('General Phan Van Giang received a delegation of the Mongolian Armed Forces led by Major General Gankhuyag Dashdondog in Hanoi on May 2. ' +
      'Two Mongolian Armed Forces officers later visited the Military Zone 1 Command.');
    assert.ok([...d.meetings[0].participants.keys()].some((k) => d.organizations.get(k)?.name === 'Mongolian Armed Forces'));
    assert.ok(![...d.organizations.values()].some((o) => /^Two /.test(o.name)));
  });

  it('a handover ceremony attended by A and B; a workshop co-organised by two bodies; a guest "leading a delegation on an official visit"', () => {
    const r = x('The handover ceremony was attended by Japanese Ambassador to Vietnam Ito Naoki and Vietnam Coast Guard Commander Lieutenant General Le Quang Dao in Hai Phong on June 3.');
    assert.equal(r.meetings.length, 1);
    assert.ok(r.persons.has('ito-naoki') && r.meetings[0].participants.has('ito-naoki') && r.meetings[0].participants.has('le-quang-dao'));
    const w = x('A workshop on military medicine opened in Hanoi on March 8, co-organised by the Military Medical Department and the Australian Embassy in Vietnam.');
    assert.equal(w.meetings[0].participants.size, 2);
    const v = x('General Phan Van Giang received Bangladeshi Chief of Army Staff General Waker-Uz-Zaman in Hanoi on July 2. ' +
      'The Bangladeshi general, who is leading a delegation on an official visit to Vietnam, also met President Luong Cuong.');
    assert.ok(byKind(v.meetings, 'visit')[0].participants.has('waker-uz-zaman'));
  });

  it('"had separate meetings with A and B on the sidelines of <gathering> on <day>": two meetings, the gathering named without the day, no empty event', () => {
    const r = x('General Phan Van Giang had separate meetings with Indian Defence Minister Rajnath Singh and Japanese Defence Minister Gen Nakatani on the sidelines of the 12th ASEAN Defence Ministers\' Meeting-Plus in Kuala Lumpur on November 1. ' +
      'In the meeting with Singh, the two sides discussed defence industry cooperation.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['meeting', 'meeting', 'conference']);
    assert.ok(r.meetings.every((m) => m.participants.size > 0), 'no event without participants');
    assert.ok(!/November/.test(r.meetings[2].label));
    assert.ok(r.meetings[0].evidence.includes(2), '"the meeting with Singh" is the meeting with Singh');
  });

  it('agreements: "the Vietnam-Cambodia defence cooperation agreement for the 2021-2025 period", "a new memorandum of understanding" to be negotiated', () => {
    const r = x('The two sides reviewed the implementation of the Vietnam-Cambodia defence cooperation agreement for the 2021-2025 period. ' +
      'They agreed to negotiate a new memorandum of understanding on military training cooperation.');
    const byName = new Map([...r.agreements.values()].map((a) => [a.name, a.status]));
    assert.equal(byName.get('Vietnam-Cambodia defence cooperation agreement for the 2021-2025 period'), 'mentioned');
    assert.equal(byName.get('memorandum of understanding on military training cooperation'), 'proposed');
  });

  it('a long title with a field ("Assistant Secretary of Defense for Indo-Pacific Security Affairs X"); an earlier meeting "in June" during a visit; a retreat attended', () => {
    const r = extractArticle('t.txt', 'Hanoi, September 16, 2025 - Senior Lieutenant General Hoang Xuan Chien held online talks with US Assistant Secretary of Defense for Indo-Pacific Security Affairs John Noh on September 15.\n' +
      'Earlier in June, Noh and Chien had met in Hanoi during Noh\'s visit to Vietnam.\n' +
      'Chien also attended the ADMM Retreat in Kuala Lumpur in February.\n', {}, { trace: true });
    assert.deepEqual([...r.persons.keys()].sort(), ['hoang-xuan-chien', 'john-noh']);
    assert.ok(r.persons.get('john-noh')!.positions.has('US Assistant Secretary of Defense for Indo-Pacific Security Affairs'));
    const [online, earlier, visit, retreat] = r.meetings;
    assert.equal(online.kind, 'teleconference');
    assert.deepEqual([earlier.kind, earlier.date?.value, earlier.partOf?.id], ['meeting', '2025-06', visit.id]);
    assert.deepEqual(people(visit), ['john-noh']);
    assert.equal(retreat.label, 'ADMM Retreat');
    assert.equal(retreat.kind, 'conference');
  });

  it('"The delegation met with X and visited Y": the visitor is the delegation\'s head, not X; an analysis that only recalls ties makes no event', () => {
    const r = x('A delegation of the Vietnam People\'s Army led by Lieutenant General Nguyen Van Nghia paid a working visit to New Zealand from May 2 to 6. ' +
      'The delegation met with Chief of Defence Force Air Marshal Tony Davies and visited the New Zealand Defence College.');
    const visits = byKind(r.meetings, 'visit');
    assert.ok(visits[1].participants.has('nguyen-van-nghia') && !visits[1].participants.has('tony-davies'));
    const none = x('Defence cooperation has become a pillar of the partnership, analysts say. Indian warships regularly make port calls at Cam Ranh. ' +
      'Looking ahead, the two sides will hold the 14th defence policy dialogue next year.');
    assert.equal(none.meetings.length, 0);
  });

  it('a ministry a country owns is that country\'s ("the Cambodian Ministry of National Defence", "Singapore\'s Ministry of Defence"), not Vietnam\'s', () => {
    const r = x('Defence Minister General Phan Van Giang thanked the Cambodian Ministry of National Defence for its support. ' +
      'Colonel Lim Wei Ming, Director of the Policy Office of Singapore\'s Ministry of Defence, met Major General Tran Van Binh on May 4. ' +
      'Israel\'s Director General of the Ministry of Defense, Major General (res.) Avi Shalev, met Deputy Minister Hoang Xuan Chien on May 5.');
    const orgs = [...r.organizations.values()].map((o) => `${o.name}|${o.countryKey ?? ''}`).sort();
    assert.ok(orgs.includes('Ministry of National Defence of Cambodia|cambodia'), orgs.join('; '));
    assert.ok(orgs.includes('Ministry of Defence of Singapore|singapore'), orgs.join('; '));
    assert.ok(orgs.includes('Ministry of Defence of Israel|israel'), orgs.join('; '));
    assert.ok(!orgs.some((o) => o.endsWith('|vietnam')), 'no Vietnamese ministry is named');
    // "(res.)" after the rank neither ends the sentence nor hides the name; the genitive gives the nationality.
    assert.equal(r.persons.get('avi-shalev')?.nationality?.key, 'israel');
  });

  it('a rank and a name "of" a body is a person of that body ("Rear Admiral X of Naval Region 5"), never a body named after the person', () => {
    const r = x('The drill was directed by Rear Admiral Pham Van Tuan of Naval Region 3 and Captain Jose Reyes of the Philippine Navy on Tuesday.');
    assert.deepEqual(['jose-reyes', 'pham-van-tuan'].filter((k) => r.persons.has(k)), ['jose-reyes', 'pham-van-tuan']);
    const names = [...r.organizations.values()].map((o) => o.name).sort();
    assert.deepEqual(names, ['Naval Region 3', 'Philippine Navy']);
  });

  it('hyphenated and state offices open a name ("Vice-Minister ... X", "X, State Secretary at ..."); "accompanied by" and "present at" add participants', () => {
    const r = x('Deputy Minister Senior Lieutenant General Hoang Xuan Chien on Monday hosted a reception for Japanese Vice-Minister of Defense for International Affairs Sato Kenji in Hanoi. ' +
      'Sato was accompanied by Japanese Ambassador Ito Naoki. ' +
      'Later, Senior Lieutenant General Le Huy Vinh received Klaus Berger, State Secretary at the German Federal Ministry of Defence. ' +
      'German Ambassador Anna Weber was present at the reception.');
    const [first, second] = byKind(r.meetings, 'reception');
    assert.deepEqual(people(first), ['hoang-xuan-chien', 'ito-naoki', 'sato-kenji']);
    assert.deepEqual(people(second), ['anna-weber', 'klaus-berger', 'le-huy-vinh']);
    assert.ok(r.persons.get('klaus-berger')!.positions.has('State Secretary at the German Federal Ministry of Defence'));
    assert.equal(r.persons.get('sato-kenji')!.nationality?.key, 'japan');
  });

  it('"the two countries held their third dialogue" is an earlier event of the two countries; a body met "led by its Director" takes part', () => {
    const r = x('Vietnamese Major General Do Van Hai met Israeli Director General Avi Cohen in Hanoi on Thursday. ' +
      'The German delegation held a working session with the General Department of Defence Industry, led by its Director, Lieutenant General Nguyen Van Son. ' +
      'The meeting came a year after the two countries held their 3rd defence policy dialogue.');
    const [dialogue] = byKind(r.meetings, 'dialogue');
    assert.deepEqual(people(dialogue), ['israel', 'vietnam']);
    const session = r.meetings.find((m) => m.participants.has('nguyen-van-son'))!;
    assert.ok(session.participants.has('general-department-of-defence-industry'), people(session).join(', '));
  });

  it('a ceremony said what for is an event of its own ("attended the handover ceremony of a hospital", "a ceremony to inaugurate ..."); a welcome ceremony is not', () => {
    const r = x('Defence Minister General Phan Van Giang held talks with Lao Defence Minister General Chansamone Chanyalath in Vientiane on January 18, 2024. ' +
      'On the same day, Giang and Chanyalath attended the handover ceremony of a military hospital. ' +
      'The two delegations also attended a ceremony to inaugurate a friendship school.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['talks', 'meeting', 'meeting']);
    assert.equal(r.meetings[1].date?.value, '2024-01-18');
    for (const m of r.meetings) assert.deepEqual(people(m), ['chansamone-chanyalath', 'phan-van-giang']);
    const welcome = x('Senior Lieutenant General Nguyen Tan Cuong presided over the welcome ceremony for General Vong Pisen and held talks with the guest on March 19.');
    assert.equal(welcome.meetings.length, 1);
  });

  it('"A and B co-chaired the dialogue" earlier the same day is the dialogue named before, not the reception told first; a meeting "via videoconference" is a teleconference', () => {
    const r = x('Deputy Minister Senior Lieutenant General Hoang Xuan Chien on Monday hosted a reception for Japanese Vice-Minister of Defense Sato Kenji, who is in Hanoi for the 9th Vietnam-Japan Deputy Defence Ministerial Dialogue. ' +
      'Earlier the same day, Chien and Sato co-chaired the dialogue.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['reception', 'dialogue']);
    assert.deepEqual([...r.meetings[1].chairs.keys()].sort(), ['hoang-xuan-chien', 'sato-kenji']);
    assert.ok(![...r.persons.values()].some((p) => p.name === 'Ministerial'), 'an adjective of an event name is no person');
    const online = x('The first meeting of the Vietnam-Singapore Defence Working Group took place via videoconference on March 3, co-chaired by Major General Vu Van Kien and Brigadier General Tan Boon Kiat.');
    assert.equal(online.meetings[0].kind, 'teleconference');
  });

  it('a sea named after a country names no country; a dated lowercase memorandum keeps its year apart; a joint exercise is cooperation in its field', () => {
    const r = x('Vietnam and the Philippines signed a memorandum of understanding on incident prevention in the South China Sea. ' +
      'The two sides have implemented the 2012 memorandum of understanding on defence cooperation and exchanges effectively. ' +
      'The two navies conducted their first joint search and rescue exercise on Tuesday and praised the search for and repatriation of soldiers\' remains.');
    assert.deepEqual([...r.countries.keys()].sort(), ['philippines', 'vietnam']);
    const mou = [...r.agreements.values()].find((a) => /exchanges$/.test(a.name));
    assert.equal(mou?.name, 'memorandum of understanding on defence cooperation and exchanges');
    assert.equal(mou?.dateText, '2012');
    assert.deepEqual(['search-and-rescue', 'war-legacy'].filter((k) => r.areas.has(k)), ['search-and-rescue', 'war-legacy']);
    assert.ok(!r.areas.has('military-exercises'), 'the exercise itself is no field named');
  });

  it('talks "during the exchange" are part of it; "the visit" of a guest received is a visit of its own, the reception part of it; an arrival in a foreign city is a visit', () => {
    const r = x('Chinese Defence Minister Li Wei and Vietnamese Defence Minister Phan Van Giang on Monday co-chaired the ninth border defence friendship exchange. ' +
      'During the exchange, the two ministers held talks and witnessed a joint patrol by border troops of the two countries.');
    const [exchange, talks, patrol] = r.meetings;
    assert.deepEqual([exchange.kind, talks.kind, patrol.kind], ['meeting', 'talks', 'meeting']);
    assert.equal(talks.partOf?.id, exchange.id);
    assert.equal(talks.label, '', 'the patrol witnessed later in the sentence does not name the talks');
    const v = x('General Nguyen Van Minh has received visiting Commander-in-Chief of the Royal Thai Army General Somchai Rattanakul. ' +
      'The visit from November 13 to 16 aims to strengthen ties between the two armies.');
    const [reception, visit] = v.meetings;
    assert.deepEqual([reception.kind, visit.kind], ['reception', 'visit']);
    assert.deepEqual(people(visit), ['somchai-rattanakul']);
    assert.equal(reception.partOf?.id, visit.id);
    assert.equal(reception.date, undefined, 'the visit\'s days are not the reception\'s');
    const s = x('Defence Minister General Phan Van Giang arrived in Seoul on Sunday for a four-day official visit.');
    assert.deepEqual(s.meetings.map((m) => m.kind), ['visit']);
  });

  it('"the two coast guards" are the two named; honorifics, a coordinator, a mausoleum, a region and an exercise are read for what they are', () => {
    const r = x('The Vietnam Coast Guard ship docked at Manila on Monday and was welcomed by Commandant Admiral Jose Santos of the Philippine Coast Guard. ' +
      'The two coast guards held a joint exercise in Manila Bay. ' +
      'The minister later met Chief of Defence Force General Tan Sri Ahmad Rahim and UN Resident Coordinator Maria Lopez, laid a wreath at the Ho Chi Minh Mausoleum, ' +
      'toured the Guangxi Zhuang Autonomous Region and said the ships would conduct a Passage Exercise (PASSEX) on departure.');
    const exercise = r.meetings.find((m) => m.label === 'joint exercise')!;
    assert.deepEqual(people(exercise).map((k) => r.organizations.get(k)?.name), ['Philippine Coast Guard', 'Vietnam Coast Guard']);
    assert.ok(r.persons.has('ahmad-rahim') && r.persons.has('maria-lopez'), [...r.persons.keys()].join(', '));
    assert.ok(![...r.persons.values()].some((p) => /Mausoleum/.test(p.name)));
    assert.ok(![...r.organizations.values()].some((o) => /Autonomous Region|Passage Exercise/.test(o.name)), [...r.organizations.values()].map((o) => o.name).join(', '));
  });

  it('an agreement to be signed "at an early date" ends before those words; "the Framework Participation Agreement" alone is a document, in force where one acts under it', () => {
    const r = x('The two ministers agreed to sign a memorandum of understanding on military cyber security cooperation at an early date. ' +
      'Vietnam takes part in EU crisis management operations under the Framework Participation Agreement signed in 2019.');
    const names = [...r.agreements.values()].map((a) => `${a.name}|${a.status}`).sort();
    assert.deepEqual(names, ['Framework Participation Agreement|in force', 'memorandum of understanding on military cyber security cooperation|proposed']);
  });

  it('a place "at" a port or "in the province of" is where the event was; "the same afternoon" is the day of the event told before', () => {
    const r = x('The Vietnam Coast Guard ship docked at Manila\'s South Harbor on Monday, beginning a goodwill visit to the Philippines. ' +
      'General Phan Van Giang and General Tea Banh co-chaired the exchange in the southern province of Tay Ninh on December 14, 2024. ' +
      'The same afternoon, Giang held talks with Cambodian Deputy Minister Neang Phat.');
    const [visit, exchange, talks] = r.meetings;
    assert.equal(visit.location?.key, 'place:manila');
    assert.equal(exchange.location?.key, 'place:tay-ninh');
    assert.equal(talks.date?.value, '2024-12-14');
  });

  it('"spoke by phone today with", "held wide-ranging talks with", "welcomed X for the fourth ... Meeting" and "called on Governor-General X" name their events and sides', () => {
    const call = x('Secretary of Defense John Miller spoke by phone today with Vietnamese Minister of National Defense Gen. Phan Van Giang.');
    assert.deepEqual(call.meetings.map((m) => [m.kind, people(m).join(',')]), [['call', 'john-miller,phan-van-giang']]);
    const talks = x('Defence Minister Arjun Mehta held wide-ranging talks with his Vietnamese counterpart General Phan Van Giang on Monday. ' +
      'The Vietnamese minister also visited the Defence Research and Development Organisation headquarters.');
    const [t, visit] = talks.meetings;
    assert.deepEqual([t.kind, people(t).join(',')], ['talks', 'arjun-mehta,phan-van-giang']);
    assert.ok(visit.participants.has('phan-van-giang') && !visit.participants.has('arjun-mehta'), people(visit).join(', '));
    const welcome = x('Deputy Prime Minister and Minister for Defence Tom Baker welcomed Vietnamese Minister of National Defence General Phan Van Giang to Canberra for the fourth Australia-Vietnam Defence Ministers\' Meeting. ' +
      'The ministers signed a Joint Vision Statement on Defence Cooperation and agreed to expand training. ' +
      'General Giang also called on Governor-General Sam Hill at Government House.');
    assert.deepEqual(welcome.meetings.map((m) => m.kind), ['meeting', 'meeting']);
    assert.equal(welcome.meetings[0].ordinal, 4);
    assert.deepEqual(people(welcome.meetings[1]), ['phan-van-giang', 'sam-hill']);
    assert.deepEqual([...welcome.agreements.values()].map((a) => a.name), ['Joint Vision Statement on Defence Cooperation']);
  });

  it('bodies headed by Authority, Squadron or Plant; talks in Minsk are in Minsk', () => {
    const r = x('Deputy Minister Hoang Xuan Chien held talks with Belarusian Defence Minister Viktor Petrov in Minsk on July 9. ' +
      'Chien also had a working session with Ivan Sokol, Chairman of the State Authority for Military Industry of Belarus, and visited the 558th Aircraft Repair Plant. ' +
      'Rear Admiral Ito Ken, Commander of the Training Squadron, called on Chien.');
    const orgs = [...r.organizations.values()].map((o) => o.name).sort();
    for (const o of ['State Authority for Military Industry of Belarus', 'Aircraft Repair Plant', 'Training Squadron']) assert.ok(orgs.some((n) => n.endsWith(o)), `${o} in ${orgs.join('; ')}`);
    assert.ok(![...r.persons.values()].some((p) => /^(?:Authority|Squadron)$/.test(p.name)));
    assert.equal(r.meetings[0].location?.key, 'place:minsk');
  });

  it('a delegation "on a working visit" is its head\'s visit, the events before part of it; working sessions with two bodies are two; a body named again without its demonym is one', () => {
    const r = x('Senior Lieutenant General Le Huy Vinh hosted a reception in Hanoi on October 21 for a delegation of the Cuban Revolutionary Armed Forces led by Army Corps General Pedro Diaz Ruiz, Deputy Minister of the Revolutionary Armed Forces. ' +
      'The Cuban general said his delegation had held working sessions with the General Department of Logistics and the Military Institute of Traditional Medicine. ' +
      'The delegation is on a working visit to Vietnam from October 19 to 25. ' +
      'The leaders also discussed the upcoming visit of Cuban ships to Vietnam.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['reception', 'meeting', 'meeting', 'visit']);
    const visit = r.meetings[3];
    assert.deepEqual(people(visit), ['pedro-diaz-ruiz']);
    for (const m of r.meetings.slice(0, 3)) assert.equal(m.partOf?.id, visit.id);
    const orgs = [...r.organizations.values()].map((o) => o.name).sort();
    assert.deepEqual(orgs, ['Cuban Revolutionary Armed Forces', 'General Department of Logistics', 'Military Institute of Traditional Medicine']);
  });

  it('"co-chaired by A and B and attended by C": A and B chair; "August 28 and 29, 2024" is a range; officers who "observed the sea phase" took part; a frigate named after a king names no country', () => {
    const r = x('The 10th meeting of the Experts\' Working Group was held in Phnom Penh on August 28 and 29, 2024, co-chaired by Cambodia and Japan and attended by representatives of ASEAN member states.');
    const [m] = r.meetings;
    assert.deepEqual([...m.chairs.keys()].sort(), ['cambodia', 'japan']);
    assert.deepEqual([m.date?.value, m.date?.start, m.date?.end], ['2024-08', '2024-08-28', '2024-08-29']);
    const ex = x('The Republic of Singapore Navy and the Vietnam People\'s Navy conducted a bilateral maritime exercise involving the frigate Ly Thai To. ' +
      'Vice Admiral Tran Thanh Nghiem and Chief of Navy Rear-Admiral Sean Lim observed the sea phase.');
    assert.ok(ex.meetings[0].participants.has('tran-thanh-nghiem') && ex.meetings[0].participants.has('sean-lim'));
    assert.ok(ex.persons.get('sean-lim')!.ranks.has('Rear Admiral'));
    assert.ok(!ex.countries.has('thailand'));
  });

  it('"in 2023 the two sides held the 10th X in Tokyo and the 8th Y in Hanoi": two earlier events of the two sides, each dated and placed; the one who recalls them is not made a participant', () => {
    const r = x('Senior Lieutenant General Hoang Xuan Chien received Japanese Ambassador Ito Naoki in Hanoi on June 10. ' +
      'Chien recalled that in 2023 the two sides held the 10th Vietnam-Japan Defence Policy Dialogue in Tokyo and the 8th Deputy Minister-level Dialogue in Hanoi.');
    const [reception, tenth, eighth] = r.meetings;
    assert.equal(reception.kind, 'reception');
    for (const d of [tenth, eighth]) {
      assert.equal(d.kind, 'dialogue');
      assert.equal(d.date?.value, '2023');
      assert.deepEqual(people(d), ['japan', 'vietnam']);
    }
    assert.deepEqual([tenth.location?.key, eighth.location?.key], ['place:tokyo', 'place:hanoi']);
    const joined = x('The two countries signed a memorandum of understanding on defence cooperation in 2010 and held a defence strategy dialogue in 2012.');
    assert.equal(joined.meetings[0].date?.value, '2012');
  });

  it('a ship named like a person is no person; a fleet review is no body; a flag officer\'s title opens a person; "between" two ministries makes them parties', () => {
    const r = x('The Vietnam People\'s Navy frigate Tran Hung Dao arrived at Visakhapatnam port on February 15 to join the International Fleet Review 2026. ' +
      'The ship\'s commanding officer, Captain Do Van Tuan, called on the Flag Officer Commanding-in-Chief of the Eastern Naval Command, Vice Admiral Rajesh Kumar. ' +
      'The ninth defence consultation between the Ministry of National Defence of Vietnam and the Ministry of National Defence of Laos was held in Luang Prabang on November 8.');
    assert.deepEqual([...r.persons.keys()].sort(), ['do-van-tuan', 'rajesh-kumar']);
    const orgs = [...r.organizations.values()].map((o) => o.name);
    assert.ok(!orgs.some((o) => /Fleet|Flag Officer/.test(o)), orgs.join('; '));
    const consultation = r.meetings.find((m) => m.kind === 'dialogue')!;
    assert.ok([...consultation.participants.keys()].filter((k) => r.organizations.has(k)).length === 2, people(consultation).join(', '));
  });

  it('"A, <title>, and B spoke at the ceremony": both took part; ", outgoing Australian Defence Attaché" is a title; "had held the first X and the Y Meeting" are two events of the two sides', () => {
    const r = x('Vietnam\'s Ministry of National Defence held a ceremony at Bien Hoa Air Base on Tuesday to mark the completion of the first phase of dioxin remediation. ' +
      'Lieutenant General Nguyen Van Binh, Deputy Chief of the General Staff, and U.S. Ambassador John Carter spoke at the ceremony.');
    assert.ok(r.meetings[0].participants.has('nguyen-van-binh') && r.meetings[0].participants.has('john-carter'), people(r.meetings[0]).join(', '));
    const a = x('Senior Lieutenant General Nguyen Tan Cuong, Chief of the General Staff of the Vietnam People\'s Army, received Brigadier Tom Hall, outgoing Australian Defence Attaché, on August 2. ' +
      'Hall said that during his tenure, the two militaries had held the first Army-to-Army Talks and the Defence Ministers\' Meeting.');
    assert.ok(a.persons.get('tom-hall')!.positions.has('Australian Defence Attaché'));
    assert.deepEqual(a.meetings.slice(1).map((m) => [m.label, people(m).join(',')]), [['first Army-to-Army Talks', 'australia,vietnam'], ['Defence Ministers\' Meeting', 'australia,vietnam']]);
  });

  it('"Also present at the meeting were A and B"; "van der" names; a meeting on the sidelines of a conference is a meeting, "the conference" the gathering; parties named in a document are bodies', () => {
    const r = x('Defence Minister General Phan Van Giang received Lao Ambassador Somphone Vilay in Hanoi on January 9. ' +
      'Also present at the meeting were Senior Lieutenant General Hoang Xuan Chien and Major General Vu Thanh Ha.');
    assert.deepEqual(people(r.meetings[0]), ['hoang-xuan-chien', 'phan-van-giang', 'somphone-vilay', 'vu-thanh-ha']);
    const nl = x('Deputy Defence Minister Le Huy Vinh and Dutch State Secretary for Defence Pieter van der Berg held talks in The Hague on Tuesday. ' +
      'The two officials witnessed the signing of a letter of intent between Damen Shipyards and the Vietnamese Navy on shipbuilding cooperation.');
    assert.ok(nl.persons.has('pieter-van-der-berg'), [...nl.persons.keys()].join(', '));
    assert.deepEqual([...nl.agreements.values()].map((a) => a.name), ['letter of intent between Damen Shipyards and the Vietnamese Navy on shipbuilding cooperation']);
    assert.ok([...nl.organizations.values()].some((o) => o.name === 'Damen Shipyards'));
    const ru = x('Russian Defence Minister Ivan Petrov met with Vietnamese counterpart Phan Van Giang on the sidelines of the 11th Moscow Conference on International Security on Tuesday. ' +
      'The conference brought together delegations from more than 30 countries.');
    assert.deepEqual(ru.meetings.map((m) => [m.kind, m.label]), [['meeting', ''], ['conference', '11th Moscow Conference on International Security']]);
    assert.equal(ru.meetings[0].partOf?.id, ru.meetings[1].id);
  });

  it('a numbered meeting of a body told as the event ("led a delegation to the 18th ASEAN Defence Ministers\' Meeting"), chaired "Chaired by X, the meeting"; sideline meetings with counterparts from three countries; "the following day" another gathering', () => {
    const r = x('Defence Minister General Phan Van Giang led a Vietnamese delegation to the 18th ASEAN Defence Ministers\' Meeting (ADMM) in Vientiane on November 20, 2024. ' +
      'Chaired by Lao Defence Minister General Chansamone Chanyalath, the meeting discussed regional security. ' +
      'On the sidelines of the meeting, Giang had bilateral meetings with his counterparts from Japan, Australia and India. ' +
      'The following day, the minister attended the 11th ADMM-Plus.');
    const [admm, ...rest] = r.meetings;
    assert.deepEqual([admm.kind, admm.date?.value, admm.location?.key, admm.ordinal], ['conference', '2024-11-20', 'place:vientiane', 18]);
    assert.deepEqual([...admm.chairs.keys()], ['chansamone-chanyalath']);
    const sideline = rest.filter((m) => m.partOf?.id === admm.id);
    assert.deepEqual(sideline.map((m) => people(m).join(',')), ['japan,phan-van-giang', 'australia,phan-van-giang', 'india,phan-van-giang']);
    const plus = rest.find((m) => m.label === '11th ADMM-Plus')!;
    assert.deepEqual([plus.kind, plus.date?.value], ['conference', '2024-11-21']);
    const online = x('The 15th ASEAN Navy Chiefs\' Meeting (ANCM-15) was held via videoconference on August 25, hosted by the Vietnam People\'s Navy.');
    assert.equal(online.meetings[0].kind, 'teleconference');
  });

  it('a media release of a call: "today spoke with" under "Media release – 14 February 2025" is a call that day; "the Hon X MP"; "Consultations took place in Brussels" without naming Belgium', () => {
    const r = extractArticle('t.txt', 'Phone call with Viet Nam\'s Minister of National Defence\nMedia release – 14 February 2025\n' +
      'The Minister for Defence, the Hon Peter Grant MP, today spoke with Viet Nam\'s Minister of National Defence, General Vo Van Minh.\n' +
      'The Ministers last met in Canberra in October 2024.\n', {}, { trace: true });
    const [call, earlier] = r.meetings;
    assert.deepEqual([call.kind, call.date?.value, people(call).join(',')], ['call', '2025-02-14', 'peter-grant,vo-van-minh']);
    assert.deepEqual([earlier.date?.value, people(earlier).join(',')], ['2024-10', 'peter-grant,vo-van-minh']);
    const eu = extractArticle('t.txt', 'EU and Viet Nam hold consultations\nBrussels, 05.06.2025 — Press Release\n' +
      'The second EU–Viet Nam Security and Defence Consultations took place in Brussels today, co-chaired by Anna Berg and Senior Lieutenant General Pham Van Bao.\n', {}, { trace: true });
    assert.deepEqual([eu.meetings[0].kind, eu.meetings[0].date?.value], ['dialogue', '2025-06-05']);
    assert.ok(!eu.countries.has('belgium'), 'a city names no country');
  });

  it('"signed a plan of bilateral military cooperation for 2026"; a delegation "on a working visit ... and is expected to hold consultations" is on a visit that took place', () => {
    const r = x('Colonel General Ivan Orlov held talks in Moscow on Wednesday with Senior Lieutenant General Nguyen Van Hai. ' +
      'Following the talks, Orlov and Hai signed a plan of bilateral military cooperation for 2026. ' +
      'The Vietnamese delegation led by Hai is on a working visit to Russia from October 7 to 11 and is expected to hold consultations at an arms exporter.');
    assert.deepEqual([...r.agreements.values()].map((a) => `${a.name}|${a.status}`), ['plan of bilateral military cooperation for 2026|signed']);
    const visit = r.meetings.find((m) => m.kind === 'visit')!;
    assert.ok(visit.participants.has('nguyen-van-hai'));
  });

  it('documents acted "under" or "in line with" are in force, with their names whole ("the two ministries\' cooperation plan for 2025", "2024-2026 Plan of Action", "Memorandum on ..."); a document\'s year dates no event', () => {
    const r = x('Reviewing cooperation under the two defence ministries\' cooperation plan for 2025, the ministers noted good results. ' +
      'They discussed peacekeeping under the 2024-2026 Plan of Action for Defense Cooperation, in line with the Memorandum on Defence Cooperation and Exchanges signed in 2011. ' +
      'Meeting Bambang, Khoi proposed to implement the agreement on the delimitation of the exclusive economic zone signed by Vietnam and Indonesia in 2022.');
    const status = new Map([...r.agreements.values()].map((a) => [a.name, a.status]));
    assert.equal(status.get('cooperation plan for 2025'), 'in force');
    assert.equal(status.get('2024-2026 Plan of Action for Defense Cooperation'), 'in force');
    assert.equal(status.get('Memorandum on Defence Cooperation and Exchanges'), 'in force');
    assert.equal(status.get('agreement on the delimitation of the exclusive economic zone'), 'signed');
    assert.ok(r.meetings.every((m) => m.date?.value !== '2022'), 'the year the agreement was signed dates no meeting');
  });

  it('a spokesperson tells of an event and takes no part; a visit to a foreign city told in passing is an earlier visit; two new persons holding a working meeting hold their own', () => {
    const r = x('Two Indian Navy ships arrived at Cam Ranh on Monday for a four-day port call. ' +
      'During the visit, the commanding officers called on Rear Admiral Pham Van Long, Commander of Naval Region 4, Navy spokesperson Commander Arun Mehra said. ' +
      'The deployment comes months after Chief of the Naval Staff Admiral Vikram Singh visited Hanoi in November 2024.');
    assert.ok(!r.meetings.some((m) => m.participants.has('arun-mehra')));
    const visit = r.meetings.find((m) => m.participants.has('vikram-singh'))!;
    assert.deepEqual([visit.kind, visit.date?.value, visit.location?.key], ['visit', '2024-11', 'place:hanoi']);
    const p = x('Naval vessels from China and Vietnam on Tuesday concluded a two-day joint patrol in the Gulf. ' +
      'Before the patrol got under way, Senior Colonel Li Wen and Colonel Nguyen Van Phuc held a working meeting aboard the frigate.');
    assert.equal(p.meetings.length, 2);
    assert.deepEqual(people(p.meetings[1]), ['li-wen', 'nguyen-van-phuc']);
  });

  it('"to attend the 12th X Committee (XC) meeting, which he co-chaired yesterday with Y" took place, chaired by both; "the first round of consultations, held in Hanoi" is an earlier round of the two sides; "his own visit" is the speaker\'s', () => {
    const r = x('Defence Minister Datuk Ahmad Rahman today received a courtesy call from Vietnam\'s Deputy Minister of National Defence, Senior Lieutenant General Tran Van Son. ' +
      'Son is in the country to attend the 12th Malaysia-Vietnam Defence Cooperation Committee (MVDCC) meeting, which he co-chaired yesterday with Malaysia\'s defence secretary-general Datuk Zulkifli Hamid.');
    const committee = r.meetings.find((m) => m.ordinal === 12)!;
    assert.deepEqual([...committee.chairs.keys()].sort(), ['tran-van-son', 'zulkifli-hamid']);
    assert.ok(!r.meetings[0].participants.has('zulkifli-hamid'), 'the co-chair took no part in the courtesy call');
    const eu = x('The second EU–Viet Nam Security and Defence Consultations took place in Brussels, co-chaired by Anna Berg and Senior Lieutenant General Pham Van Bao. ' +
      'They took stock of progress since the first round of consultations, held in Hanoi in November 2023.');
    const first = eu.meetings[1];
    assert.deepEqual([first.kind, first.date?.value, first.location?.key], ['dialogue', '2023-11', 'place:hanoi']);
    assert.deepEqual(people(first), ['european-union', 'vietnam']);
    const ru = x('Colonel General Ivan Orlov held talks with Senior Lieutenant General Nguyen Van Hai in Moscow. Orlov noted that much had been done since his own visit to Hanoi in June.');
    assert.deepEqual(people(ru.meetings[1]), ['ivan-orlov']);
  });

  it('a unit "of the Chinese People\'s Liberation Army (PLA)" and the army are two bodies; "South Korea\'s Ministry of National Defense" keeps the words as written', () => {
    const r = x('The patrol was concluded, according to the Southern Theater Command of the Chinese People\'s Liberation Army (PLA). ' +
      'The talks were announced by South Korea\'s Ministry of National Defense.');
    const orgs = [...r.organizations.values()];
    assert.deepEqual(orgs.map((o) => o.name).sort(), ['Chinese People\'s Liberation Army', 'Ministry of National Defence of Republic of Korea', 'Southern Theater Command']);
    const mnd = orgs.find((o) => o.countryKey === 'republic-of-korea')!;
    assert.ok(mnd.aliases.has('Ministry of National Defense'), [...mnd.aliases.keys()].join('; '));
  });

  it('a release dated "Madrid, 1 October 2025." dates "today" and "on 30 September"; "signed a Letter of Intent ..., witnessed by A and B" is a ceremony; "Ruiz Calderón" is the family name; earlier consultations are the two sides\'', () => {
    const r = extractArticle('t.txt', 'Spain and Vietnam sign memorandum\nMadrid, 1 October 2025. The Secretary of State for Defence, Elena Ruiz Calderón, and the Deputy Minister of National Defence of Vietnam, Senior Lieutenant General Dao Van Liem, today signed a memorandum of understanding on defence cooperation.\n' +
      'Before the ceremony, Ruiz Calderón and General Liem held a meeting with their delegations.\n' +
      'The memorandum builds on the first bilateral defence consultations held in Hanoi in 2023.\n' +
      'General Liem, who is on an official visit to Spain from 29 September to 3 October, was received on 30 September by the Chief of Defence Staff, General Alvaro Serrano.\n' +
      'Later on 1 October, the Navantia company and the General Department of Defence Industry signed a Letter of Intent on shipbuilding, witnessed by Ruiz Calderón and General Liem.\n', {}, { trace: true });
    const signing = r.meetings[0];
    assert.equal(signing.date?.value, '2025-10-01');
    const at = (words: string) => r.sentences.find((x) => x.text.includes(words))!.index;
    const before = r.meetings.find((m) => m.evidence.includes(at('Before the ceremony')) && m !== signing)!;
    assert.deepEqual(people(before).filter((k) => r.persons.has(k)), ['dao-van-liem', 'elena-ruiz-calderon']);
    const reception = r.meetings.find((m) => m.kind === 'reception')!;
    assert.equal(reception.date?.value, '2025-09-30');
    const loi = r.meetings.find((m) => m.evidence.includes(at('Letter of Intent')))!;
    assert.deepEqual(people(loi).filter((k) => r.persons.has(k)), ['dao-van-liem', 'elena-ruiz-calderon']);
  });

  it('"made a courtesy call on"; a day just after the article\'s date is in its year ("from 19 to 22 December" in a release of 21 December)', () => {
    const r = extractArticle('t.txt', 'Expo\nIslamabad, 21 December 2024\nColonel Ali Raza made a courtesy call on Major General Nguyen Huu Phuc on 19 December. ' +
      'The delegation visited the Vietnam International Defence Expo 2024, held in Hanoi from 19 to 22 December.\n', {}, { trace: true });
    assert.deepEqual(people(r.meetings[0]), ['ali-raza', 'nguyen-huu-phuc']);
    assert.equal(r.meetings[0].date?.value, '2024-12-19');
    assert.ok(r.meetings.every((m) => !m.date?.value?.startsWith('2023')));
  });

  it('a ship that "called at" a port told in passing is an earlier port call; "the frigate and two vessels of the X Navy held a drill" is the frigate\'s navy and X\'s; "received certificates" is no reception; "on Friday, July 11, 2025" is that day', () => {
    const r = x('A Bangladesh Navy frigate docked at Cam Ranh International Port on Thursday. ' +
      'On Wednesday, before entering port, the frigate and two vessels of the Vietnam People\'s Navy held a search-and-rescue drill. ' +
      'A training ship of the Vietnam People\'s Navy called at Chittagong in 2023.');
    const [port, drill, earlier] = r.meetings;
    assert.deepEqual(people(port).filter((k) => r.organizations.has(k)).map((k) => r.organizations.get(k)!.name), ['Bangladesh Navy']);
    assert.deepEqual(people(drill).map((k) => r.organizations.get(k)?.name).sort(), ['Bangladesh Navy', 'Vietnam People\'s Navy']);
    assert.deepEqual([earlier.kind, earlier.date?.value], ['visit', '2023']);
    const g = x('A graduation ceremony for the first language course took place at the Military Foreign Languages College in Hà Nội on Friday, July 11, 2025. ' +
      'Twelve officers, including class leader Major Joaquim Belo, received certificates at the ceremony.');
    assert.deepEqual(g.meetings.map((m) => [m.kind, m.date?.value]), [['meeting', '2025-07-11']]);
  });

  it('"navy chiefs of all ASEAN member states attended the meeting" after sideline meetings: the gathering reported, not the last sideline meeting', () => {
    const r = x('Vice Admiral Tran Van Khoa led a delegation to the 18th ASEAN Navy Chiefs\' Meeting, which opened in Bandar Seri Begawan on November 26. ' +
      'On the sidelines, Khoa held separate meetings with Admiral Somchai Wong, Commander-in-Chief of the Royal Thai Navy, and Vice Admiral Aung Min, Commander-in-Chief of the Myanmar Navy. ' +
      'Navy chiefs and representatives of all ASEAN member states attended the meeting, with Timor-Leste present as an observer.');
    const [ancm, thai, myanmar] = r.meetings;
    assert.ok(ancm.participants.has('timor-leste'), people(ancm).join(', '));
    assert.ok(!thai.participants.has('timor-leste') && !myanmar.participants.has('timor-leste'));
  });

  it('a demonym is never split as two glued words, even when the country\'s name is in the article ("Chilean" after "Chile")', () => {
    const r = extractArticle('t.txt', 'Vietnam, Chile hold defence talks\n\nGeneral Phan Van Giang held talks with Chilean Defence Minister Ana Rojas in Hanoi on May 6, 2025.\n', {}, { trace: true });
    assert.equal(r.persons.get('ana-rojas')?.nationality?.key, 'chile');
    assert.ok(r.persons.get('ana-rojas')!.positions.has('Chilean Defence Minister'));
  });

  it('"held talks with A and separately met B": two events; "calling on X" is a courtesy call; "is visiting <country>" is the visit reported, dated by "from 29 to 31 July"', () => {
    const r = x('General Mark Dalton, Chief of Army of Australia, held talks with Senior Lieutenant General Hoang Van Long on Tuesday and separately met Lieutenant General Pham Quoc Bao.');
    assert.deepEqual(r.meetings.map((m) => [m.kind, people(m)]), [['talks', ['hoang-van-long', 'mark-dalton']], ['meeting', ['mark-dalton', 'pham-quoc-bao']]]);
    const v = extractArticle('t.txt', 'General visits Jakarta\n30 July 2025\nSenior Lieutenant General Hoang Van Long is visiting Indonesia from 29 to 31 July. ' +
      'This morning he inspected a guard of honour before calling on Minister of Defence Budi Hartono.\n', {}, { trace: true });
    const [visit, call] = v.meetings;
    assert.deepEqual([visit.kind, people(visit), visit.location?.key, visit.date?.start, visit.date?.end], ['visit', ['hoang-van-long'], 'country:indonesia', '2025-07-29', '2025-07-31']);
    assert.deepEqual([call.kind, people(call), call.partOf?.id], ['meeting', ['budi-hartono', 'hoang-van-long'], visit.id]);
  });

  it('a document "signed ... in March 2023, during a state visit by the Vietnamese President": the visit is an earlier event dated by the clause, not a signing ceremony; the goodwill visit "of" a navy\'s ship is that navy\'s', () => {
    const r = x('Admiral Tran Van Minh received Admiral Budi Santoso in Hanoi on May 8. ' +
      'The two navies signed a memorandum of understanding on naval training in Jakarta in March 2023, during a state visit by the Vietnamese President.');
    assert.deepEqual(r.meetings.map((m) => m.kind), ['reception', 'visit']);
    const visit = r.meetings[1];
    assert.deepEqual([visit.date?.value, people(visit)], ['2023-03', ['vietnam']]);
    assert.ok(!visit.participants.has('tran-van-minh'));
    const s = x('Sailors of the two navies played football on Friday, wrapping up the three-day goodwill visit of the Indonesian Navy\'s training ship to Vietnam.');
    const goodwill = s.meetings.find((m) => m.kind === 'visit')!;
    assert.ok(goodwill.participants.has('indonesia-indonesian-navy') || [...goodwill.participants.keys()].some((k) => s.organizations.get(k)?.name === 'Indonesian Navy'), people(goodwill).join(', '));
  });

  it('one who "recalled the port call by" a ship takes no part in it; bodies of an office ("member of the Party Central Committee") are no parties; "Minister of Defence and Military Production" names no person', () => {
    const r = x('Major General Nguyen Huu Phuc received Colonel Ravi Perera in Hanoi on Monday. Phuc recalled the port call by a Sri Lanka Navy ship at Da Nang last year.');
    const port = r.meetings.find((m) => m.kind === 'visit')!;
    assert.ok(port && !port.participants.has('nguyen-huu-phuc'), people(port ?? r.meetings[0]).join(', '));
    const c = x('Attending the ceremony were Senior Lieutenant General Hoang Minh Duc, member of the Party Central Committee and Deputy Minister of National Defence, and Ambassador Raj Menon.');
    assert.ok(c.meetings.length > 0 && c.meetings.every((m) => [...m.participants.keys()].every((k) => !/party|central/.test(k))), c.meetings.map(people).join(' | '));
    const e = x('General Phan Van Quyet held phone talks with Egyptian Minister of Defence and Military Production General Abdel Moneim Soliman on Tuesday.');
    assert.deepEqual([...e.persons.keys()].sort(), ['abdel-moneim-soliman', 'phan-van-quyet']);
  });

  it('a named exchange ("attended activities of the third X Border Defence Friendship Exchange in the province of Y") is a meeting whose talks are their own, part of it; "Lao Cai" is a Vietnamese province, not Laos', () => {
    const r = x('General Hoang Van Long and his Lao counterpart General Khamliang Vongsa on Saturday attended activities of the third Vietnam-Laos Border Defence Friendship Exchange in the province of Dien Bien. ' +
      'The Lao delegation was welcomed by Long with a ceremony at the border gate. The two ministers then held talks in Dien Bien City.');
    const [exchange, talks] = r.meetings;
    assert.deepEqual([exchange.kind, exchange.ordinal, talks.kind, talks.partOf?.id], ['meeting', 3, 'talks', exchange.id]);
    assert.deepEqual(people(talks), ['hoang-van-long', 'khamliang-vongsa']);
    const c = x('The two ministers witnessed the signing of a cooperation agreement between the Lao Cai Provincial Border Guard Command and the Hekou Border Brigade of China.');
    assert.ok(!c.countries.has('laos'), [...c.countries.keys()].join(', '));
    assert.ok([...c.organizations.values()].some((o) => o.name === 'Lao Cai Provincial Border Guard Command'), [...c.organizations.values()].map((o) => o.name).join('; '));
  });

  it('"met his counterparts from A, B and C": one meeting with each, which the counterpart named later joins ("With German Defence Minister X, Y discussed ..."); an analyst quoted takes no part; a trip "to the forum" is no visit', () => {
    const r = x('Defence Minister Nguyen Truong Son met his counterparts from Japan, Germany and Norway on the sidelines of the Shangri-La Dialogue on June 1. ' +
      'In his meeting with Japan\'s State Minister of Defence Kenji Mori, the two sides discussed training. ' +
      'With German Defence Minister Jonas Keller, Son discussed military medicine. Mr Keller was making his first trip to the forum as minister. ' +
      '"Vietnam wants many friends," said Dr Le Van Hai, a visiting fellow at a Singapore institute.');
    const bilateral = r.meetings.filter((m) => m.kind === 'meeting');
    assert.deepEqual(bilateral.map((m) => people(m)), [['japan', 'kenji-mori', 'nguyen-truong-son'], ['germany', 'jonas-keller', 'nguyen-truong-son'], ['nguyen-truong-son', 'norway']]);
    assert.ok(r.meetings.every((m) => m.kind !== 'visit' && !m.participants.has('le-van-hai')), r.meetings.map((m) => `${m.kind}: ${people(m)}`).join(' | '));
  });

  it('"called on X this morning" is the article\'s day; "Hieu\'s visit underscores ..." is the visit told; "The two sides also exchanged views" makes no event, "Ms A and Gen B exchanged views" does', () => {
    const r = extractArticle('t.txt', 'Chief visits Singapore\n14 May 2025\nSenior Lieutenant General Trinh Van Hieu is making an introductory visit to Singapore from 13 to 16 May. ' +
      'During the visit, Sen Lt Gen Hieu called on Minister for Defence Mr Tan Wei Ming this morning. The two sides also exchanged views on regional security. ' +
      'Sen Lt Gen Hieu\'s visit underscores the strong defence ties between the two countries.\n', {}, { trace: true });
    assert.deepEqual(r.meetings.map((m) => [m.kind, m.date?.value]), [['visit', '2025-05'], ['meeting', '2025-05-14']]);
    const e = x('Defence Minister Nguyen Truong Son met Japan\'s Defence Minister Kenji Mori in Tokyo on Monday. Norwegian Defence Minister Kari Lund and Gen Son also exchanged views on maritime security.');
    assert.deepEqual(e.meetings.map(people), [['kenji-mori', 'nguyen-truong-son'], ['kari-lund', 'nguyen-truong-son']]);
  });

  it('a date under a standfirst and a byline, or after "News item |", dates the article; "Van Hoorn" opening a sentence is "Pieter van Hoorn"; those who sign "during the talks" took part; "In Cairo" places an event', () => {
    const r = extractArticle('t.txt', 'Admiral visits Vietnam\n\nNews item | 5 April 2024\n\nVice Admiral Pieter van Hoorn paid a visit to Vietnam from 2 to 4 April. In Hanoi he held talks with the leaders of the Vietnamese army. ' +
      'During the talks on Wednesday 3 April, Van Hoorn and Lieutenant General Trinh Xuan Hoang signed a letter of intent on hydrography.\n', {}, { trace: true });
    assert.deepEqual([...r.persons.keys()].sort(), ['pieter-van-hoorn', 'trinh-xuan-hoang']);
    const [visit, talks] = r.meetings;
    assert.deepEqual([visit.kind, visit.date?.value, talks.kind, talks.date?.value], ['visit', '2024-04', 'talks', '2024-04-03']);
    assert.deepEqual(people(talks), ['pieter-van-hoorn', 'trinh-xuan-hoang']);
    const b = extractArticle('t.txt', 'What Vietnam wants from Egypt\n\nA week-long trip to the Middle East by a senior official shows Hanoi looking further afield.\n\nBy Le Thi Mai\nJune 21, 2024\n\n' +
      'Last week, a delegation led by Deputy Defence Minister Senior Lieutenant General Hoang Van Dong wrapped up a week-long trip to Egypt. ' +
      'In Cairo on June 16, Dong was received by Lieutenant General Omar Hassan, chief of staff of the Egyptian Armed Forces.\n', {}, { trace: true });
    const [trip, reception] = b.meetings;
    assert.equal(b.meetings.length, 2);
    assert.deepEqual([trip.kind, people(trip).includes('hoang-van-dong'), reception.kind, reception.partOf?.id, reception.date?.value, reception.location?.key], ['visit', true, 'reception', trip.id, '2024-06-16', 'place:cairo']);
  });

  it('"the first and second exchanges took place in 2022 and 2024", "after visits in 2018 and 2024": one earlier event a year; "the fourth time the squadron has called at X" is the port call told; "last visited the port in June 2019" an earlier one', () => {
    const r = x('The third Vietnam-Laos Border Defence Friendship Exchange took place in Dien Bien on May 3, co-chaired by General Hoang Van Long and General Khamliang Vongsa. ' +
      'The first and second exchanges took place in 2021 and 2023 in Son La and Luang Prabang respectively.');
    assert.deepEqual(r.meetings.map((m) => [m.kind, m.date?.value ?? null]), [['meeting', null], ['meeting', '2021'], ['meeting', '2023']]);
    assert.deepEqual(people(r.meetings[1]), ['laos', 'vietnam']);
    const p = x('Two ships of the Indian Navy arrived at Cam Ranh International Port on Monday for a four-day goodwill visit. ' +
      'It is the third time the squadron has called at Cam Ranh, a port Vietnam opened to foreign navies in 2016. The squadron last visited the port in May 2022.');
    assert.deepEqual(p.meetings.map((m) => [m.kind, m.date?.value ?? null]), [['visit', null], ['visit', '2022-05']]);
    assert.deepEqual(people(p.meetings[1]).map((k) => p.organizations.get(k)?.name), ['Indian Navy']);
  });

  it('"led a delegation to A, B and C from June 9 to 16" is a visit, of which the talks told after are part; "had a working session on June 13 with X" names its date between; "In Slovakia" places an event', () => {
    const r = x('Lieutenant General Vu Van Kha, commander of the Air Force, led a delegation to the Czech Republic, Slovakia and Hungary from June 9 to 16. ' +
      'In Prague on June 10, Kha held talks with Brigadier General Tomas Novotny, commander of the Czech Air Force. ' +
      'In Slovakia, Kha had a working session on June 13 with Major General Peter Horvath, commander of the Slovak Air Force.');
    const [visit, talks, session] = r.meetings;
    assert.deepEqual([visit.kind, people(visit), visit.location?.key], ['visit', ['vu-van-kha'], 'country:czech-republic']);
    assert.deepEqual([talks.kind, talks.partOf?.id, session.kind, session.partOf?.id], ['talks', visit.id, 'meeting', visit.id]);
    assert.deepEqual([people(session), session.date?.text, session.location?.key], [['peter-horvath', 'vu-van-kha'], 'June 13', 'country:slovakia']);
  });

  it('a byline with the date ("X | Outlet | Tue, March 11, 2025, 10:42", "By X   March 4, 2025 | 05:31 pm") and "City, 20 June 2025 /Ministry/ –" date the article; "Receiving the flags, X pledged" is no reception; "presided over by A, with the presence of B": A chairs, B attends; "U.S. Chargé d\'Affaires X" is a person', () => {
    const dated = (head: string) => extractArticle('t.txt', `Ship docks\n\n${head}\n\nThe frigate docked at Cam Ranh International Port on March 10.\n`, {}, { trace: true }).meetings[0]?.date?.value;
    assert.equal(dated('Le Lan | Saigon News | Tue, March 11, 2025, 10:42 GMT+7'), '2025-03-10');
    assert.equal(dated('By Hoang Nam   March 11, 2025 | 05:31 pm GMT+7'), '2025-03-10');
    assert.equal(dated('Ulaanbaatar, 12 March 2025 /Ministry of Defence/ – The ministry reports.'), '2025-03-10');
    const c = x('The Ministry of National Defence held a ceremony in Hanoi on October 5 to see off the field hospital. ' +
      'The ceremony was presided over by Deputy Minister Senior Lieutenant General Phan Van Thinh, with the presence of Australian Ambassador Margaret Lane. ' +
      'Receiving the flags, Lieutenant Colonel Vu Minh Hai pledged to fulfil all tasks. Earlier, U.S. Chargé d\'Affaires Daniel Wood met with Phan Van Thinh in Hanoi.');
    const [ceremony, met] = c.meetings;
    assert.deepEqual([ceremony.kind, [...ceremony.chairs.keys()], ceremony.participants.has('margaret-lane')], ['meeting', ['phan-van-thinh'], true]);
    assert.ok(c.meetings.every((m) => m.kind !== 'reception'));
    assert.deepEqual(people(met), ['daniel-wood', 'phan-van-thinh']);
  });

  it('"the 12th ADMM-Plus (ADMM-Plus), which took place in Kuala Lumpur on November 1, 2025" is dated and placed; "on the sidelines of the ADMM-Plus" is that gathering; "met separately with A, B and C" one meeting each; "Meeting B, X said" is the meeting with B', () => {
    const r = x('Defence Minister General Tran Minh Khoa led a Vietnamese delegation to the 12th ASEAN Defence Ministers\' Meeting-Plus (ADMM-Plus), which took place in Kuala Lumpur on November 1, 2025. ' +
      'On the sidelines of the ADMM-Plus, the Vietnamese minister met separately with New Zealand\'s Minister of Defence Andrew Kerr, Russian Deputy Defence Minister Colonel General Viktor Orlov and Timor-Leste\'s Minister of Defence Filomeno Pereira. ' +
      'Meeting Orlov, Khoa said Vietnam wished to keep cooperating with Russia in training.');
    const [plus, ...rest] = r.meetings;
    assert.deepEqual([plus.kind, plus.date?.value, plus.location?.key], ['conference', '2025-11-01', 'place:kuala-lumpur']);
    assert.deepEqual(rest.map((m) => [people(m).filter((k) => r.persons.has(k)), m.partOf?.id]),
      [[['andrew-kerr', 'tran-minh-khoa'], plus.id], [['tran-minh-khoa', 'viktor-orlov'], plus.id], [['filomeno-pereira', 'tran-minh-khoa'], plus.id]]);
  });

  it('"..., said Defence Minister X." then "He said this was agreed during his bilateral meeting with Y": X and Y met; "the situation in Myanmar" places nothing; "U Kyaw Soe Win" is Kyaw Soe Win', () => {
    const r = x('Malaysia and Vietnam have agreed to strengthen maritime cooperation, said Defence Minister Datuk Seri Ahmad Fauzi Hashim. ' +
      'He said this was agreed during his bilateral meeting with Vietnamese Defence Minister General Tran Minh Khoa on the sidelines of the ADMM Retreat here today. ' +
      'The ministers also exchanged views on the situation in Myanmar.');
    const met = r.meetings.find((m) => m.kind === 'meeting')!;
    assert.deepEqual(people(met), ['ahmad-fauzi-hashim', 'tran-minh-khoa']);
    assert.ok(r.meetings.every((m) => m.location?.key !== 'country:myanmar'));
    // (A field of cooperation before "in" leaves the place alone: "talks on maritime security in Hanoi".)
    const h = x('General Le Van Sang held talks with Admiral Kenji Mori on maritime security in Hanoi on Monday.');
    assert.equal(h.meetings[0]?.location?.key, 'place:hanoi');
    const u = x('General Le Van Sang received Lieutenant General U Kyaw Soe Win, Deputy Commander-in-Chief of the Myanmar Army, in Hanoi on Monday.');
    assert.deepEqual(people(u.meetings[0]), ['kyaw-soe-win', 'le-van-sang']);
  });

  it('documents: "a memorandum of cooperation signed ... in 2015", "a cooperation accord signed ... in 2017", "signed a joint declaration on ...", "a cooperation plan for the 2026-2027 period", "the coordination plan for the coming year"; "the Agreement created a basis" names no document "Agreement created ..."', () => {
    const names = (t: string): string[] => [...x(t).agreements.values()].map((g) => `${g.name} (${g.status})`);
    assert.deepEqual(names('Officers trained under a memorandum of cooperation signed by the two coast guards in 2015.'), ['memorandum of cooperation (in force)']);
    assert.deepEqual(names('The MOU updates a cooperation accord signed by the two agencies in 2017.').slice(-1), ['cooperation accord (signed)']);
    assert.deepEqual(names('Participants signed a joint declaration on maritime security in the region.'), ['joint declaration on maritime security in the region (signed)']);
    assert.deepEqual(names('General Huy proposed that the two ministries draw up a cooperation plan for the 2026-2027 period.').map((n) => n.replace(/ \(.*$/, '')), ['cooperation plan for the 2026-2027 period']);
    assert.deepEqual(names('The two sides agreed on the coordination plan for the coming year.').map((n) => n.replace(/ \(.*$/, '')), ['coordination plan for the coming year']);
    assert.ok(names('The entry into force of the Agreement created a solid legal basis for defence ties.').every((n) => !/created/.test(n)));
  });

  it('"the Lang Son Border Guard Command held annual talks with the Chongzuo Border Management Detachment of Guangxi Zhuang Autonomous Region": the two bodies are the parties; "Political Commissar of X" is a title', () => {
    const r = x('On December 9, the Lang Son Provincial Border Guard Command held annual talks with the Chongzuo Border Management Detachment of Guangxi Zhuang Autonomous Region, China. ' +
      'The Chinese delegation was headed by Mr. Lu Jianguo, Political Commissar of the Chongzuo Border Management Detachment.');
    const names = [...r.organizations.values()].map((o) => o.name).sort();
    assert.deepEqual(names, ['Chongzuo Border Management Detachment', 'Lang Son Provincial Border Guard Command']);
    assert.deepEqual(r.meetings.map((m) => [m.kind, people(m).filter((k) => r.organizations.has(k)).length]), [['talks', 2]]);
  });

  it('"the Defence Policy Dialogue, the fourth edition of which was held in X last year" is an earlier dialogue of the two sides; "a delegation of the Myanmar Defence Services led by X": X serves that body; "the 2023 Defence Services Asia exhibition" is no body', () => {
    const r = x('Senior Lieutenant General Bui Van Thanh, Deputy Chief of the General Staff of the Vietnam People\'s Army, held talks in Hanoi on June 10 with a delegation of the Myanmar Defence Services led by Lieutenant General Zaw Min Htut. ' +
      'The two sides praised the regular maintenance of the Defence Policy Dialogue, the fourth edition of which was held in Yangon last year. ' +
      'Thanh will attend the 2025 Defence Services Asia exhibition.');
    const [talks, dialogue] = r.meetings;
    assert.deepEqual([talks.kind, dialogue.kind, dialogue.ordinal, people(dialogue)], ['talks', 'dialogue', 4, ['myanmar', 'vietnam']]);
    assert.equal(r.organizations.get(r.persons.get('zaw-min-htut')!.affiliation!.key)?.name, 'Myanmar Defence Services');
    assert.ok([...r.organizations.values()].every((o) => !/^20/.test(o.name)));
  });

  it('"visited the X Hospital and the Naval Y Service (SHOM)": two bodies; one who speaks of building "on the results of the visit by X" takes no part in it', () => {
    const r = x('The Vietnamese officers also visited the Percy Military Hospital and the Naval Hydrographic and Oceanographic Service (SHOM) in Brest.');
    assert.ok([...r.organizations.values()].every((o) => !/ and the /.test(o.name)), [...r.organizations.values()].map((o) => o.name).join('; '));
    const v = x('General Luong Van Tuan held talks with Polish Defence Minister Jan Nowak in Warsaw on October 21. ' +
      'Minister Tuan said the two ministries should build on the results of the visit to Vietnam by Polish Deputy Minister of National Defence Pawel Grabski in March 2024.');
    const earlier = v.meetings.find((m) => m.kind === 'visit')!;
    assert.deepEqual([earlier.date?.value, people(earlier)], ['2024-03', ['pawel-grabski']]);
  });

  it('"is attending the World Defense Show 2026, which opened in Riyadh on February 8": the show is the event, dated; "the biennial exhibition" is that show; "to show support" is no event', () => {
    const r = x('A delegation led by Senior Lieutenant General Ho Van Thanh is attending the World Defense Show 2026, which opened in Riyadh on February 8. ' +
      'The biennial exhibition, held from February 8-12, brings together 800 exhibitors. The two sides agreed to show support for each other.');
    assert.deepEqual(r.meetings.map((m) => [m.kind, m.label, m.date?.value]), [['conference', 'World Defense Show 2026', '2026-02-08']]);
  });

  it('an event named with another year ("his hosting of the Defence Expo 2024") is an earlier event of its own, not the working session told before it; the speaker takes no part in it; a "Defence Fair" is a gathering; "the Expo 2030" in an article of 2026 is still to come', () => {
    const r = extractArticle('t.txt', 'Hanoi, May 6, 2026 (VNA) - A delegation led by Lieutenant General Pham Van Khanh, Deputy Minister of National Defence, is attending the Eurasia Defence Fair 2026, which opened in Ankara on May 5.\n\n' +
      'On the sidelines of the event, Khanh held a working session with Turkish Deputy Minister of National Defence Murat Demirci.\n\n' +
      'Demirci said he valued Vietnam\'s hosting of the Vietnam International Defence Expo 2024 in Hanoi, which a Turkish delegation attended. ' +
      'Khanh proposed that Turkey consider taking part in the Vietnam International Defence Expo 2030.\n');
    assert.deepEqual(r.meetings.map((m) => [m.kind, m.label, m.date?.value]), [
      ['conference', 'Eurasia Defence Fair 2026', '2026-05-05'],
      // (The fair's opening day is not the day of every meeting on its sidelines.)
      ['meeting', '', undefined],
      ['conference', 'Vietnam International Defence Expo 2024', '2024'],
    ]);
    assert.deepEqual(people(r.meetings[1]), ['murat-demirci', 'pham-van-khanh']);
    assert.ok(!r.meetings[2].participants.has('murat-demirci'), people(r.meetings[2]).join(', '));
  });

  it('"Minister of Defense NAKAMURA Hideo" (a family name in capitals) is a person, named again as "Minister Nakamura"; "since their meeting held on the occasion of the ADMM-Plus in November last year" is an earlier meeting of the two, part of that gathering; "the port call of JMSDF destroyer X" is the force\'s, not the speaker\'s', () => {
    const r = extractArticle('t.txt', 'Japan-Viet Nam Defense Ministerial Video Call\nMay 20, 2026\n' +
      'On May 20, 2026, Minister of Defense NAKAMURA Hideo held a telephone talk with General PHAM Van Loc, Minister of National Defence of Viet Nam. ' +
      'The two Ministers welcomed the progress in defense exchanges since their meeting held on the occasion of the ADMM-Plus in Kuala Lumpur in November last year. ' +
      'Minister Nakamura expressed his appreciation for the support of Viet Nam to the port call of JMSDF destroyer JS Harusame at Cam Ranh International Port in April this year. ' +
      'Minister of Defence II Pehin Abdul Aziz attended.\n');
    assert.ok(r.persons.has('nakamura-hideo') && r.persons.has('pham-van-loc'), [...r.persons.keys()].join(', '));
    assert.ok(![...r.persons.keys()].some((k) => k.startsWith('ii-')), [...r.persons.keys()].join(', '));
    const [call, earlier, admm, portCall] = r.meetings;
    assert.deepEqual([call.kind, call.date?.value, call.location], ['call', '2026-05-20', undefined]);
    assert.deepEqual([earlier.kind, earlier.date?.value, people(earlier), earlier.partOf?.id], ['meeting', '2025-11', ['nakamura-hideo', 'pham-van-loc'], admm.id]);
    assert.equal(admm.kind, 'conference');
    assert.deepEqual([portCall.kind, portCall.date?.value, people(portCall)], ['visit', '2026-04', ['japan-maritime-self-defence-force']]);
  });

  it('"held talks with X ... Welcoming the guest, Y said" stays talks; a trip "in 2019" told in passing is no frame for "later the same day"; "Ambassador Extraordinary and Plenipotentiary of X to Y Z" is Z\'s title whole; "the visit to Z by a Vietnamese military delegation in June 2022" is Vietnam\'s', () => {
    const r = extractArticle('t.txt', 'Hanoi (VNA) – Deputy Minister of National Defence Senior Lieutenant General Tran Van Binh held talks in Hanoi on October 7 with Anna Kessler, Parliamentary State Secretary at Austria\'s Federal Ministry of Defence, who is paying a working visit to Vietnam from October 6 to 9.\n' +
      'Welcoming the guest, Binh said defence ties have grown.\n' +
      'The Austrian official recalled her first trip to Vietnam in 2019.\n' +
      'Later the same day, Deputy Prime Minister Le Van Nam received Kessler at the Government headquarters.\n', { published: '2025-10-08' });
    const [talks, visit, trip, reception] = r.meetings;
    assert.deepEqual([talks.kind, visit.kind, trip.kind, trip.date?.value, reception.kind], ['talks', 'visit', 'visit', '2019', 'reception']);
    assert.equal(reception.partOf?.id, visit.id);
    assert.equal(reception.date?.text, 'October 7');
    const a = x('General Le Van Hung received Ambassador Extraordinary and Plenipotentiary of the Republic of Angola to Viet Nam Manuel Joao, who paid a farewell call. ' +
      'Hung recalled the visit to Angola by a high-ranking Vietnamese military delegation in June 2022.');
    assert.ok(a.persons.get('manuel-joao')!.positions.has('Ambassador Extraordinary and Plenipotentiary of the Republic of Angola to Viet Nam'), [...a.persons.keys()].join(', '));
    assert.equal(a.persons.size, 2);
    const earlier = a.meetings.find((m) => m.kind === 'visit')!;
    assert.deepEqual([earlier.date?.value, people(earlier)], ['2022-06', ['vietnam']]);
  });

  it('"the two ministers witnessed the signing of X. The document was signed by A and B": A and B take part in the signing; "visited HD Hanwha Ocean Industries in Geoje" is a visit to that company', () => {
    const r = x('Defence Minister General Do Van Tien held talks with his Philippine counterpart Ramon Cruz in Manila on May 6. ' +
      'Following the talks, the two ministers witnessed the signing of a memorandum of understanding on cooperation in military medicine. ' +
      'The document was signed by Major General Le Van Khoa, Director of the Military Medical Department, and Brigadier General Jose Santos, Surgeon General of the Armed Forces of the Philippines. ' +
      'Tien also visited Subic Marine Industries in Zambales.');
    const signing = r.meetings.find((m) => /signing/.test(m.label))!;
    for (const k of ['do-van-tien', 'ramon-cruz', 'le-van-khoa', 'jose-santos']) assert.ok(signing.participants.has(k), `${k} signed: ${people(signing).join(', ')}`);
    const talks = r.meetings.find((m) => m.kind === 'talks')!;
    assert.ok(!talks.participants.has('le-van-khoa'));
    const visit = r.meetings.find((m) => m.kind === 'visit')!;
    assert.ok(visit.participants.has('subic-marine-industries') && visit.participants.has('do-van-tien'), people(visit).join(', '));
  });

  it('a port call: the ship "of the X Navy" is no body, its commander takes part, the hosts who speak of "the visit" do not; "Captain Moretti" again as "Captain Moreti" is the same man; "Y and Z attended." joins the reception told; "INS X undertook a Passage Exercise with the Y Navy ship Z" is the two navies\' exercise', () => {
    const r = x('The training ship Cristoforo Colombo of the Italian Navy arrived at Cam Ranh port on May 2, beginning a four-day port call. ' +
      'The ship, under the command of Captain Paolo Moretti, carries 300 cadets. ' +
      'Captain Moretti paid a courtesy call on Rear Admiral Nguyen Van Long, Commander of Naval Region 4. ' +
      'Long said the visit contributes to naval cooperation. ' +
      'Captain Moreti thanked Naval Region 4 for the warm welcome. ' +
      'A deck reception was hosted on board the ship on May 3 by Italian Ambassador Giulia Conti. Rear Admiral Long and senior officers of Naval Region 4 attended. ' +
      'On May 5, the Cristoforo Colombo undertook a Passage Exercise with the Vietnam People\'s Navy ship HQ-012.');
    assert.ok(![...r.organizations.values()].some((o) => /Colombo/.test(o.name)), [...r.organizations.values()].map((o) => o.name).join('; '));
    assert.ok(!r.persons.has('moreti'), [...r.persons.keys()].join(', '));
    const [portCall] = byKind(r.meetings, 'visit');
    assert.ok(portCall.participants.has('paolo-moretti') && !portCall.participants.has('nguyen-van-long'), people(portCall).join(', '));
    const [reception] = byKind(r.meetings, 'reception');
    assert.ok(reception.participants.has('giulia-conti') && reception.participants.has('nguyen-van-long'), people(reception).join(', '));
    const exercise = r.meetings.find((m) => /Exercise/.test(m.label))!;
    assert.ok(exercise.participants.has('vietnam-people-navy'), people(exercise).join(', '));
  });

  it('"opened a three-day joint search-and-rescue (SAR) exercise" is the two bodies\' exercise; an acronym defined once ("the Vietnam Coast Guard (VCG)") names the body later ("The VCG vessel ... arrived"); "the first joint exercise between the two coast guards" is an earlier one of theirs; "after they signed a memorandum in January 2024" is no event', () => {
    const r = x('The Indonesian Coast Guard (Bakamla) and the Vietnam Coast Guard (VCG) on Tuesday opened a three-day joint search-and-rescue (SAR) exercise off Batam. ' +
      'The VCG vessel CSB 8005 arrived at Batam port on Sunday for the exercise. ' +
      'The first joint exercise between the two coast guards was held off Con Dao last year, a few months after they signed a memorandum of understanding on maritime cooperation in Jakarta in January 2024.');
    const [exercise, arrival, first] = r.meetings;
    assert.equal(r.meetings.length, 3, r.meetings.map((m) => m.label || m.kind).join('; '));
    assert.ok(exercise.participants.has('vietnam-coast-guard') && exercise.participants.has('indonesian-coast-guard'), people(exercise).join(', '));
    assert.deepEqual([arrival.kind, people(arrival)], ['visit', ['vietnam-coast-guard']]);
    assert.deepEqual([first.label, first.date?.value], ['first joint exercise', undefined]);
    assert.ok(first.participants.has('vietnam-coast-guard'), people(first).join(', '));
  });

  it('a date that opens the sentence ("On Thursday, X held a meeting with Y", "In June, ...", "Last December, ...") dates its event; "the preparation of a visit" is no visit', () => {
    const r = extractArticle('t.txt', 'The fifth meeting of the joint commission was held in Moscow on Wednesday.\n' +
      'On Thursday, Senior Lieutenant General Vu Van Hai held a meeting with Russian Deputy Defence Minister Colonel General Pavel Orlov. ' +
      'The sides discussed the preparation of a visit by a Vietnamese naval detachment to Vladivostok.\n', { published: '2025-09-19' });
    const meeting = r.meetings.find((m) => m.participants.has('pavel-orlov'))!;
    assert.deepEqual([meeting.date?.text, meeting.resolvedDate?.value], ['Thursday', '2025-09-18']);
    assert.ok(!r.meetings.some((m) => m.kind === 'visit'), r.meetings.map((m) => m.kind).join(', '));
    const d = findDates('In June, they met. Last December, they spoke. In 2023, they signed.');
    assert.deepEqual(d.map((x) => x.date.text), ['June', 'Last December', '2023']);
  });

  it('"During the visit, X called on Minister A and Permanent Secretary B": a courtesy call on each, both part of the visit', () => {
    const r = x('General Pham Van Tuan is making an introductory visit to Malaysia from 3 to 6 June. ' +
      'During the visit, General Tuan called on Minister of Defence Mr Aziz Rahman and Secretary-General Mr Lee Chong Wei this morning.');
    const [visit, ...calls] = r.meetings;
    assert.equal(visit.kind, 'visit');
    assert.deepEqual(calls.map((m) => [people(m), m.partOf?.id]), [[['aziz-rahman', 'pham-van-tuan'], visit.id], [['lee-chong-wei', 'pham-van-tuan'], visit.id]]);
  });

  it('a caption "at the dialogue" after a reception and a dialogue were told belongs to the dialogue, not the reception', () => {
    const r = extractArticle('t.txt', [
      'Canadian Defence Attaché Colonel Mark Dubois hosted a reception in Hanoi on Thursday evening to mark Canada Day.',
      'The reception was attended by Major General Tran Quang Huy, Deputy Director of the Foreign Relations Department.',
      'The next day, the fourth Vietnam–Canada Defence Policy Dialogue opened in Hanoi, co-chaired by Deputy Minister of National Defence Senior Lieutenant General Le Van Nam and Canadian Assistant Deputy Minister Claire Martin.',
      'Le Van Nam and Claire Martin at the dialogue',
    ].join('\n') + '\n');
    const [reception] = byKind(r.meetings, 'reception');
    const [dialogue] = byKind(r.meetings, 'dialogue');
    assert.ok(reception && dialogue, r.meetings.map((m) => m.kind).join(', '));
    assert.deepEqual(people(reception).filter((k) => r.persons.has(k)), ['mark-dubois', 'tran-quang-huy']);
    assert.ok(dialogue.participants.has('claire-martin') && dialogue.participants.has('le-van-nam'));
  });

  it('an event dated by a year while the one reported is dated by its day is earlier and frames nothing; "the commander" is no colonel of no command', () => {
    const r = x([
      'The Indian Navy frigate INS Kamorta docked at Cam Ranh International Port on Monday for a four-day visit.',
      'The visit follows the port call of INS Shivalik and INS Kadmatt at Cam Ranh in 2022.',
      'Colonel Nguyen Van Hai, a guest at the welcome ceremony, said the ships were welcome.',
      'During his visit, the commander visited the Naval Academy.',
      'He recalled the visit to India by a delegation of the Vietnam People\'s Navy in 2019.',
    ].join(' '));
    const earlier = r.meetings.find((m) => m.date?.value === '2022')!;
    assert.ok(earlier, r.meetings.map((m) => `${m.kind} ${m.date?.value}`).join(', '));
    const academy = r.meetings.find((m) => m.participants.has('naval-academy'))!;
    assert.equal(academy.date, undefined, 'the visit to the academy is not dated by the earlier port call');
    assert.notEqual(academy.partOf?.id, earlier.id);
    assert.ok(!academy.participants.has('nguyen-van-hai'));
    const navyVisit = r.meetings.find((m) => m.date?.value === '2019')!;
    assert.ok(navyVisit.participants.has('vietnam-people-navy'), [...navyVisit.participants.keys()].join(', '));
  });

  it('port calls told in passing: "the call of the X Navy vessel Y at Z in <year>", "Z welcomed the X Navy\'s vessel Y in <year>", a squadron that "had called at" a port', () => {
    const r = x([
      'Deputy Minister Nguyen Van Long received British Ambassador Sarah Cole in Hanoi on Tuesday.',
      'Long recalled the call of the Royal Navy patrol vessel HMS Tamar at Da Nang in March 2023.',
      "Ho Chi Minh City also welcomed the Royal Navy's offshore patrol vessel HMS Spey in 2021, the first visit by a British warship to the city.",
      'The ambassador noted that the JMSDF training squadron had called at Cam Ranh in 2019.',
      'A deck reception was hosted on board the ship by the ambassador.',
    ].join(' '));
    const visits = byKind(r.meetings, 'visit').map((m) => `${m.date?.value} ${[...m.participants.keys()].sort().join(' ')}`).sort();
    assert.deepEqual(visits, ['2019 japan-maritime-self-defence-force', '2021 royal-navy united-kingdom', '2023-03 royal-navy']);
    assert.equal(byKind(r.meetings, 'reception').length, 1, 'the reception on board is no port call, and the main event stays a reception');
  });

  it('"Co-chairing the meeting were A and B"; a body "of <province>" and the same body named with its place first are one; a readout headline of a call dated "Today,"', () => {
    const r = x([
      'On October 3, the Border Guard Command of Long An province and the Prey Veng Provincial Police held their annual meeting in Binh Hiep.',
      'Co-chairing the meeting were Colonel Le Van Tam, Commander of the Long An Border Guard Command, and Brigadier General Sok Dara, Commissioner of the Prey Veng Provincial Police.',
    ].join(' '));
    const [meeting] = r.meetings;
    assert.equal(r.meetings.length, 1);
    assert.deepEqual([...meeting.chairs.keys()].sort(), ['le-van-tam', 'sok-dara']);
    const bodies = [...r.organizations.values()].map((o) => o.name).sort();
    assert.deepEqual(bodies, ['Long An Border Guard Command', 'Prey Veng Provincial Police']);
    for (const o of r.organizations.keys()) assert.ok(meeting.participants.has(o), `${o} takes part`);

    const call = extractArticle('t.txt', "Readout of the Minister's call with his Vietnamese counterpart\nWellington, 4 March 2025\n" +
      "Today, New Zealand's Minister of Defence Mark Hollis spoke with Vietnam's Minister of National Defence, General Phan Van Giang.\n");
    assert.equal(call.meetings.length, 1);
    assert.equal(call.meetings[0].kind, 'call');
    assert.equal(call.meetings[0].date?.value, '2025-03-04');
  });

  it('"The ship was welcomed by representatives of X" is the welcome of the port call told, no reception', () => {
    const r = x([
      'The Indian Coast Guard ship Sarathi arrived at Tien Sa port in Da Nang on Thursday for a three-day visit.',
      'The ship was welcomed by representatives of the Vietnam Coast Guard Region 2 Command.',
      'During the visit, Commandant Ravi Menon, the commanding officer, called on Major General Tran Van Son, Commander of Coast Guard Region 2.',
    ].join(' '));
    assert.deepEqual(r.meetings.map((m) => m.kind).sort(), ['meeting', 'visit']);
  });

  it('"The ADMM-Plus was attended by X" and "was chaired by Y": the gathering told before, named by its body; "ASEAN Secretary-General X" holds an office, no rank', () => {
    const r = x([
      "On the sidelines of the 12th ASEAN Defence Ministers' Meeting-Plus in Kuala Lumpur on November 1, General Phan Van Giang met Japanese Defence Minister Kenji Sato.",
      'The ADMM-Plus was chaired by Malaysian Defence Minister Mohamed Khaled Nordin and attended by ASEAN Secretary-General Kao Kim Hourn.',
    ].join(' '));
    const [gathering] = byKind(r.meetings, 'conference');
    assert.ok(gathering, r.meetings.map((m) => m.kind).join(', '));
    assert.ok(gathering.chairs.has('mohamed-khaled-nordin'));
    assert.ok(gathering.participants.has('kao-kim-hourn'));
    assert.equal(r.persons.get('kao-kim-hourn')!.ranks.size, 0);
  });

  it('a handover "at a ceremony" is the giver\'s and the receiver\'s; "paid courtesy calls on the command of X"; "the Russian Pacific Fleet" and "the Pacific Fleet" are one body', () => {
    const r = x('The Japanese Ministry of Defense handed over engineering equipment to the Vietnam Department of Peacekeeping Operations at a ceremony in Hanoi on 12 August 2024.');
    const [ceremony] = r.meetings;
    assert.ok(ceremony.participants.has('vietnam-department-of-peacekeeping-operations'), [...ceremony.participants.keys()].join(', '));
    assert.ok([...ceremony.participants.keys()].some((k) => r.organizations.get(k)?.countryKey === 'japan'));
    const ship = x([
      "The frigate Dinh Tien Hoang was welcomed by representatives of the Russian Pacific Fleet at Vladivostok on July 23.",
      'During the visit, Captain Nguyen Van Hung paid courtesy calls on the command of the Pacific Fleet.',
    ].join(' '));
    assert.equal([...ship.organizations.values()].filter((o) => o.name === 'Pacific Fleet').length, 1);
    assert.ok(ship.meetings.some((m) => m.kind === 'meeting' && m.participants.has('nguyen-van-hung') && [...m.participants.keys()].some((k) => /pacific-fleet/.test(k))));
  });

  it('"On the same day" after a signing with no date of its own is the day of the talks told before it', () => {
    const r = x([
      'General Phan Van Giang held talks with Indonesian Defence Minister Sjafrie Sjamsoeddin in Jakarta on August 6.',
      'Following the talks, the two ministers witnessed the signing of a letter of intent on defence industry cooperation.',
      'On the same day, Giang paid a courtesy call on Indonesian President Prabowo Subianto.',
    ].join(' '));
    const call = r.meetings.find((m) => m.participants.has('prabowo-subianto'))!;
    assert.equal(call.date?.text, 'August 6');
  });

  it('"He recalled his official visit to X in <year>": the visit is the speaker\'s', () => {
    const r = x('General Phan Van Giang received the Thai Ambassador Urawadee Sriphiromya in Hanoi on June 3. He recalled his official visit to Thailand in 2022.');
    const visit = r.meetings.find((m) => m.kind === 'visit')!;
    assert.deepEqual([...visit.participants.keys()].filter((k) => r.persons.has(k)), ['phan-van-giang']);
    assert.equal(visit.date?.value, '2022');
  });

  it('"last year", "this year", "in November last year" are read against the article\'s date, and kept as words without one', () => {
    const at = (t: string) => findDates(t, '2026-03-12').map((d) => [d.date.text, d.date.value]);
    assert.deepEqual(at('They met last year in Hanoi.'), [['last year', '2025']]);
    assert.deepEqual(at('They met in November last year in Hanoi.'), [['November last year', '2025-11']]);
    assert.deepEqual(at('The ship called at Cam Ranh in January this year.'), [['January this year', '2026-01']]);
    assert.deepEqual(findDates('They met last year.').map((d) => [d.date.text, d.date.value]), [['last year', undefined]]);
  });

  it('"the fourth round of army-to-army staff talks last year" is an earlier event of the two sides; "work towards the holding of the first round of X" is none', () => {
    const r = x([
      'General Phan Van Giang received Thai Ambassador to Vietnam Urawadee Sriphiromya in Hanoi on June 3.',
      'The minister spoke highly of the fourth round of army-to-army staff talks last year.',
      'The two sides agreed to work towards the holding of the first round of navy-to-navy staff talks.',
    ].join(' '));
    const talks = byKind(r.meetings, 'talks');
    assert.equal(talks.length, 1, r.meetings.map((m) => m.label).join(', '));
    assert.equal(talks[0].ordinal, 4);
    assert.deepEqual([...talks[0].participants.keys()].sort(), ['thailand', 'vietnam']);
    // ("the successful holding of the fifth dialogue" took place: only working towards one is planned.)
    const held = x('General Phan Van Giang received Thai Ambassador Urawadee Sriphiromya in Hanoi on June 3. He welcomed the successful holding of the fifth Vietnam-Thailand defence policy dialogue in Bangkok in 2023.');
    assert.equal(byKind(held.meetings, 'dialogue').length, 1);
  });

  it('"On the sidelines of the ADMM-Plus in Kuala Lumpur on November 1, X met Y": the day is the gathering\'s too', () => {
    const r = x("On the sidelines of the 12th ASEAN Defence Ministers' Meeting-Plus in Kuala Lumpur on November 1, General Phan Van Giang met Japanese Defence Minister Kenji Sato.");
    const [gathering] = byKind(r.meetings, 'conference');
    assert.equal(gathering.date?.text, 'November 1');
    assert.equal(r.meetings.find((m) => m !== gathering)!.date?.text, 'November 1');
  });

  it('"the 16th ASEAN X Meeting was held in Manila with the attendance of Y": Y attended it, and so did ASEAN, named in it (and in the article)', () => {
    const r = x([
      'Senior Lieutenant General Tran Van Minh met Thai Army Chief General Somchai Rattanakul in Manila on March 5.',
      "A day earlier, the 16th ASEAN Military Operations Informal Meeting (AMOIM) was held in Manila with the attendance of Major General Le Quoc Hung, Director of the Operations Department of the General Staff.",
      'ASEAN militaries agreed to share information on disaster relief.',
    ].join(' '));
    const [gathering] = byKind(r.meetings, 'conference');
    assert.ok(gathering, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...gathering.participants.keys()].sort(), ['association-of-southeast-asian-nations', 'le-quoc-hung']);
  });

  it('an earlier edition of a bilateral dialogue, told with no party, is between the two sides of the event reported, even when it names one side by its country', () => {
    const r = x([
      'Deputy Minister Senior Lieutenant General Nguyen Van Hai held talks with Japanese Vice-Minister of Defense Sato Kenta in Hanoi on November 14.',
      'Both said ties between Vietnam and Japan were growing.',
      'They highlighted the annual defence policy dialogue, the ninth edition of which was held in Hanoi last September.',
    ].join(' '));
    const [dialogue] = byKind(r.meetings, 'dialogue');
    assert.ok(dialogue, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...dialogue.participants.keys()].sort(), ['japan', 'vietnam']);
  });

  it('"the port call of INS X" told in passing is the Indian Navy\'s when the article names that navy', () => {
    const r = x([
      'The Indian Navy frigate INS Talwar arrived at Cam Ranh on March 14 for a three-day visit.',
      'The visit follows the port call of INS Kirpan to Ho Chi Minh City in August 2025.',
    ].join(' '));
    const earlier = r.meetings.find((m) => m.date?.value === '2025-08')!;
    assert.ok(earlier, r.meetings.map((m) => `${m.label} ${m.date?.value}`).join(', '));
    assert.deepEqual([...earlier.participants.keys()], ['indian-navy']);
  });

  it('"The Vietnamese navy chief is in X for an official visit, reciprocating the visit of Y to Hanoi last year": the chief\'s visit, and an earlier one; "The German official recalled his first trip" is that official\'s', () => {
    const r = x([
      'Indonesian Navy Chief of Staff Admiral Budi Santoso received Vietnam People\'s Navy Commander Vice Admiral Tran Thanh Nam in Jakarta on October 14, 2026.',
      'The Vietnamese navy chief is in Indonesia for an official visit from 13 to 16 October 2026, reciprocating the visit of the Indonesian navy chief to Hanoi last year.',
    ].join(' '));
    const visits = byKind(r.meetings, 'visit');
    assert.equal(visits.length, 2, visits.map((m) => m.label).join(', '));
    const now = visits.find((m) => m.date?.value === '2026-10')!;
    assert.deepEqual([...now.participants.keys()], ['tran-thanh-nam']);
    assert.ok(!now.label.includes('Hanoi'), now.label);
    const german = x('Deputy Minister Nguyen Van Hai received German Parliamentary State Secretary Lena Hartmann in Hanoi on October 7. The German official recalled his first trip to Vietnam in 2019.');
    const trip = byKind(german.meetings, 'visit').find((m) => m.date?.value === '2019')!;
    assert.ok(trip, german.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...trip.participants.keys()], ['lena-hartmann']);
  });

  it('"A and B paid courtesy calls on C and on D": a call on each, both callers in each, part of the visit; "the Commanding Officer called on ..." is the ship\'s commander; "met each country\'s interests" is no meeting', () => {
    const r = x([
      'The Royal Navy patrol ship HMS Tamar, commanded by Commander Oliver Grant, arrived at Saigon Port on May 3 for a four-day visit.',
      'On the first day, Commander Grant and British Consul General Emma Hollis paid courtesy calls on Vice Chairman of the Ho Chi Minh City People\'s Committee Tran Van Phuc and on Rear Admiral Le Thanh Son, Commander of Naval Region 2.',
    ].join(' '));
    const calls = r.meetings.filter((m) => m.kind !== 'visit');
    assert.equal(calls.length, 2, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual(calls.map((m) => [...m.participants.keys()].sort()), [['emma-hollis', 'oliver-grant', 'tran-van-phuc'], ['emma-hollis', 'le-thanh-son', 'oliver-grant']]);
    const visit = byKind(r.meetings, 'visit')[0];
    for (const c of calls) assert.equal(c.partOf?.id, visit.id);
    const co = x([
      'The Indian Navy frigate INS Tabar, under the command of Captain Arjun Mehta, arrived at Tien Sa Port on March 14 for a three-day visit.',
      'During the stay, the Commanding Officer called on Rear Admiral Vo Van Tam, Commander of Naval Region 3, and on Mr. Ha Van Long, Vice Chairman of the Da Nang City People\'s Committee.',
    ].join(' '));
    const coCalls = co.meetings.filter((m) => m.kind !== 'visit');
    assert.equal(coCalls.length, 2, co.meetings.map((m) => m.label).join(', '));
    for (const c of coCalls) assert.ok(c.participants.has('arjun-mehta'), [...c.participants.keys()].join(', '));
    const interests = x('Deputy Minister Nguyen Van Hai received US Assistant Secretary of Defense John Carter in Hanoi on May 3. He said cooperation has met each country\'s interests.');
    assert.equal(interests.meetings.length, 1, interests.meetings.map((m) => m.label).join(', '));
    // ("reaffirmed the commitment to working with Vietnam on maritime security" is no meeting, nor a label for the call.)
    const working = x('Defence Minister Richard Hale held a phone call with General Phan Van Giang on Tuesday. Hale reaffirmed Australia\'s commitment to working with Vietnam on maritime security and looked forward to the next Defence Ministers\' Meeting in Canberra later this year.');
    assert.equal(working.meetings.length, 1, working.meetings.map((m) => m.label).join(', '));
    assert.equal(working.meetings[0].kind, 'call');
    assert.equal(working.meetings[0].location, undefined);
  });

  it('"the Vietnamese Chief of the General Staff had bilateral meetings with A, B and C": the chief named before meets each; a Malay name of six words with "bin" is one person', () => {
    const r = x([
      "Senior Lieutenant General Do Van Long, Chief of the General Staff of the Vietnam People's Army, attended the 24th ASEAN Chiefs of Defence Forces' Meeting in Vientiane on March 6.",
      'On the sidelines of the meeting, the Vietnamese Chief of the General Staff had bilateral meetings with Chief of Defence Forces of Thailand General Anan Sukjai, Commander of the Royal Brunei Armed Forces Major General Haji Rosli bin Haji Ahmad, and Philippine Armed Forces Chief General Jose Ramirez.',
    ].join(' '));
    assert.ok(r.persons.has('haji-rosli-bin-haji-ahmad'), [...r.persons.keys()].join(', '));
    const bilateral = byKind(r.meetings, 'meeting');
    assert.deepEqual(bilateral.map((m) => [...m.participants.keys()].filter((k) => r.persons.has(k)).sort()), [
      ['anan-sukjai', 'do-van-long'], ['do-van-long', 'haji-rosli-bin-haji-ahmad'], ['do-van-long', 'jose-ramirez'],
    ]);
  });

  it('"The X delegation arrived in Manila on Monday" starts the delegation\'s visit, which frames "During the visit"; a spokesperson named in an appositive tells of it and takes no part', () => {
    const r = x([
      'The Philippine Coast Guard (PCG) and the Vietnam Coast Guard (VCG) held their third high-level meeting in Manila on Tuesday, co-chaired by PCG Commandant Admiral Jose Santos and VCG Commander Major General Tran Van Binh.',
      'The VCG delegation arrived in Manila on Monday aboard the vessel CSB 8004.',
      'During the visit, Binh also paid a courtesy call on Transportation Secretary Ramon Cruz.',
      'Rear Admiral Pedro Reyes, PCG spokesperson for maritime affairs, told reporters the talks went well.',
    ].join(' '));
    const [visit] = byKind(r.meetings, 'visit');
    assert.ok(visit, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.ok(visit.participants.has('vietnam-coast-guard'));
    const call = r.meetings.find((m) => m.participants.has('ramon-cruz'))!;
    assert.equal(call.partOf?.id, visit.id);
    assert.ok(!r.meetings.some((m) => m.participants.has('pedro-reyes')), 'the spokesperson takes no part');
    assert.equal(r.meetings.find((m) => m.ordinal === 3)?.kind, 'meeting');
  });

  it('an earlier port call of a ship that names no body is its navy\'s: by the ship\'s prefix ("after KDB X docked here in 2019"), by the demonym the sentence gives it, or the one foreign navy the article names', () => {
    const earlierOf = (text: string) => {
      const r = x(text);
      const earlier = r.meetings.filter((m) => m.kind === 'visit' && /^\d{4}/.test(m.date?.value ?? '') && m.date!.value!.length <= 7);
      assert.equal(earlier.length, 1, r.meetings.map((m) => `${m.label} ${m.date?.value}`).join(', '));
      return [...earlier[0].participants.keys()];
    };
    assert.deepEqual(earlierOf('The Royal Brunei Navy ship KDB Pelindung berthed at Saigon Port on March 10 for a five-day goodwill visit. This is the second time a Bruneian naval ship has come to the city, after KDB Penyerang docked here in 2019.'), ['royal-brunei-navy']);
    assert.deepEqual(earlierOf('The Italian Navy training ship Stella Polare arrived at Saigon Port on June 20 for a five-day port call. It is the second Italian naval ship to visit the city, after the patrol vessel Paolo Thaon docked here in July 2024.'), ['italy-italian-navy']);
    assert.ok(earlierOf('Chilean Navy Commander Admiral Pablo Soto held a video call with Vietnam People\'s Navy Commander Vice Admiral Tran Van Khoa on May 5, 2025. Soto recalled that the training ship "Cordillera" called at Ho Chi Minh City in 2019.').includes('chilean-navy'));
  });

  it('visits recalled with no person named are the country\'s or the delegation\'s: "the Serbian Minister of Defence had visited Vietnam in 2019", "a delegation of Vietnam\'s Ministry of National Defence had visited Athens in 2019", "the visit by the Venezuelan Minister of Popular Power for Defence" (no person "Popular Power"); "the Hellenic Republic" is Greece', () => {
    const r = x([
      'General Nguyen Van Khanh received Venezuelan Ambassador Carlos Rivas in Hanoi on May 6.',
      'He recalled the official visit to Viet Nam by the Venezuelan Minister of Popular Power for Defence in 2016.',
      'The ambassador also recalled that the Serbian Minister of Defence had visited Vietnam in 2019.',
      'A delegation of Vietnam\'s Ministry of National Defence had visited Athens in 2019.',
      'Khanh thanked the Deputy Minister of National Defence of the Hellenic Republic.',
    ].join(' '));
    assert.ok(!r.persons.has('popular-power'), [...r.persons.keys()].join(', '));
    assert.ok(!r.persons.has('hellenic'));
    assert.ok(r.countries.has('greece'));
    const visits = byKind(r.meetings, 'visit');
    const parties = (year: string, place?: string) => visits.filter((m) => m.date?.value === year && (!place || m.label.includes(place))).map((m) => [...m.participants.keys()].sort());
    assert.deepEqual(parties('2016'), [['venezuela']]);
    assert.ok(parties('2019').some((p) => p.includes('serbia')), JSON.stringify(parties('2019')));
    const athens = visits.find((m) => m.location?.key === 'place:athens')!;
    assert.ok(athens, JSON.stringify(visits.map((m) => [m.label, m.location?.key])));
    assert.ok([...athens.participants.keys()].some((k) => r.organizations.get(k)?.name === 'Ministry of National Defence'), [...athens.participants.keys()].join(', '));
  });

  it('"the two deputy ministers witnessed the signing" after a visit told by its bodies: the two who held the talks', () => {
    const r = x([
      'Deputy Minister of National Defence Senior Lieutenant General Tran Van Hai held talks with Deputy Minister of National Defence of the Hellenic Republic Nikos Pappas in Hanoi on June 11.',
      'Hai recalled that a delegation of Vietnam\'s Ministry of National Defence had visited Athens in 2019.',
      'After the talks, the two deputy ministers witnessed the signing of a letter of intent on military medicine cooperation.',
    ].join(' '));
    const signing = r.meetings.find((m) => m.label === 'signing ceremony')!;
    assert.ok(signing, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...signing.participants.keys()].filter((k) => r.persons.has(k)).sort(), ['nikos-pappas', 'tran-van-hai']);
  });

  it('"Chief of the Army Staff (COAS) General X ... The COAS also called on Y": the acronym names the office and its holder, no body "Army Staff"', () => {
    const r = x([
      'Chief of the Army Staff (COAS) General Ram Prasad Thapa is on an official visit to Vietnam from 5 to 9 November 2023.',
      'The COAS also called on General Phan Van Giang, Minister of National Defence.',
    ].join(' '));
    assert.ok(![...r.organizations.values()].some((o) => o.acronym === 'COAS'), [...r.organizations.values()].map((o) => o.name).join(', '));
    const call = r.meetings.find((m) => m.participants.has('phan-van-giang'))!;
    assert.ok(call, r.meetings.map((m) => m.label).join(', '));
    assert.ok(call.participants.has('ram-prasad-thapa'), [...call.participants.keys()].join(', '));
    // ("The VCG also held a drill": an acronym that names no office held is no one, not the last speaker.)
    const vcg = x('Tran Van Nam spoke at the ceremony. The VCG also held a drill with the Philippine Coast Guard on May 3.');
    assert.ok(!vcg.meetings.some((m) => m.label !== '' && m.participants.has('tran-van-nam') && m.kind === 'meeting' && /drill/.test(m.label)), vcg.meetings.map((m) => `${m.label}: ${[...m.participants.keys()]}`).join('; '));
  });

  it('words of titles and styles are no persons: "Chief Executive Officer X", "Ambassador of His Majesty the King of Y", "Chairman of the Joint Chiefs of Staff Z", "Director Defence Information", "the Hon"', () => {
    const r = x([
      'Deputy Minister Nguyen Van Hai received Ambassador of His Majesty the King of Morocco Karim Benali in Hanoi on January 18, 2024.',
      'He also held a working session with a delegation of Qatar\'s Barzan Holdings led by its Chief Executive Officer Nasser Al Thani.',
      'Chairman of the Joint Chiefs of Staff Major General Omar Haddad and Director Defence Information Brigadier General Musa Bello attended.',
    ].join(' '));
    for (const k of ['king', 'majesty', 'executive', 'chiefs', 'information', 'hon']) assert.ok(!r.persons.has(k), `no person "${k}": ${[...r.persons.keys()].join(', ')}`);
    assert.ok(r.persons.get('nasser-al-thani')?.positions.has('Chief Executive Officer'), [...(r.persons.get('nasser-al-thani')?.positions.keys() ?? [])].join(', '));
  });

  it('the countries of the genre are known with their demonyms and capitals: "the Kenyan Cabinet Secretary", "an Omani frigate in Muscat", "the Peruvian Navy"', () => {
    const r = x('General Phan Van Giang received Kenyan Cabinet Secretary for Defence Mary Wanjiku in Hanoi on May 6. He recalled the visit of an Omani frigate to Cam Ranh and his own trip to Muscat, and thanked the Peruvian Navy and the Jordanian Armed Forces.');
    for (const c of ['kenya', 'oman', 'peru', 'jordan']) assert.ok(r.countries.has(c), `${c}: ${[...r.countries.keys()].join(', ')}`);
  });

  it('"It is the second time the ship has visited, after a port call at X in 2019": the earlier port call is the navy\'s; "X\'s visit came two years after the chief visited Vietnam in 2023" is the visit told, not one of 2023', () => {
    const r = x('The Peruvian Navy training ship BAP Cusco arrived at Saigon Port on March 3 for a five-day visit. It is the second time the ship has visited Vietnam, after a port call at Cam Ranh in 2019.');
    const earlier = r.meetings.find((m) => m.date?.value === '2019')!;
    assert.ok(earlier, r.meetings.map((m) => `${m.label} ${m.date?.value}`).join(', '));
    assert.deepEqual([...earlier.participants.keys()], ['peruvian-navy']);
    const k = x('General Tran Van Khanh paid an official visit to Algeria from May 5 to 8. Khanh\'s visit came two years after the Chief of Staff of the Algerian army visited Vietnam in 2023.');
    assert.equal(k.meetings.filter((m) => m.kind === 'visit' && m.participants.size === 0).length, 0, k.meetings.map((m) => `${m.label} ${[...m.participants.keys()]}`).join(', '));
  });

  it('"presided over the welcome ceremony for X, followed by talks between the two ministers": talks between the two', () => {
    const r = x('Lao Defence Minister General Chansamone Vongsa presided over the official welcome ceremony for Vietnamese Defence Minister General Tran Quang Minh in Vientiane on June 12, followed by talks between the two ministers.');
    const [talks] = byKind(r.meetings, 'talks');
    assert.ok(talks, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual([...talks.participants.keys()].filter((k) => r.persons.has(k)).sort(), ['chansamone-vongsa', 'tran-quang-minh']);
  });

  it('"This is the third X ship to visit Y, after JS A in 2019 and JS B in 2023": two earlier port calls of that navy; "Later the same day" is the day of the event reported, not of a dialogue in April told in passing', () => {
    const r = x('The Japan Maritime Self-Defense Force destroyer JS Ariake docked at Cam Ranh International Port on June 3 for a four-day goodwill visit. This is the third JMSDF ship to visit Cam Ranh, after JS Izumo in 2019 and JS Kaga in 2023.');
    const earlier = r.meetings.filter((m) => m.kind === 'visit' && m.date?.value?.length === 4);
    assert.deepEqual(earlier.map((m) => m.date!.value).sort(), ['2019', '2023']);
    for (const m of earlier) assert.deepEqual([...m.participants.keys()], ['japan-maritime-self-defence-force']);
    const day = x([
      'Defence Minister General Phan Van Giang held talks with Singaporean Minister for Defence Chan Wei Ming in Hanoi on August 12.',
      'They agreed to implement the outcomes of the 14th Defence Policy Dialogue held in Singapore in April.',
      'Later the same day, Prime Minister Pham Minh Chinh received the Singaporean minister.',
    ].join(' '));
    assert.equal(byKind(day.meetings, 'reception')[0]?.date?.text, 'August 12');
  });

  it('"Following the dialogue, the two officials witnessed the handover of X. — VNS": a handover ceremony of the dialogue\'s two co-chairs (a sentence closed by a sign-off is body text), "the dialogue" being the one reported, not one of 2023 told in passing', () => {
    const r = x([
      'Deputy Minister Senior Lieutenant General Hoang Van Nam and Indian Defence Secretary Anil Mehta co-chaired the 15th Vietnam-India Defence Policy Dialogue in Hanoi on Monday.',
      'The two sides reviewed cooperation since the 14th dialogue in New Delhi in 2023.',
      'Mehta also paid a courtesy call on Minister of National Defence General Phan Van Giang on the same day.',
      'Following the dialogue, the two officials witnessed the handover of a simulator centre at the Telecommunications University in Nha Trang. — VNS',
    ].join('\n'));
    const handover = r.meetings.find((m) => m.label === 'handover ceremony')!;
    assert.ok(handover, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...handover.participants.keys()].filter((k) => r.persons.has(k)).sort(), ['anil-mehta', 'hoang-van-nam']);
    const earlier = r.meetings.find((m) => m.ordinal === 14)!;
    assert.equal(earlier.evidence.length, 1, 'the 14th dialogue is told in one sentence only');
  });

  it('"looked forward to continuing the dialogue at the ADMM-Plus in Kuala Lumpur later this year" is to come: it types and places nothing', () => {
    const r = x('Secretary of Defense John Miller hosted Vietnamese Minister of National Defense General Phan Van Giang at the Pentagon today. The Secretary looked forward to continuing the dialogue at the ASEAN Defense Ministers\' Meeting-Plus in Kuala Lumpur later this year.');
    assert.equal(r.meetings.length, 1, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.notEqual(r.meetings[0].kind, 'dialogue');
    assert.notEqual(r.meetings[0].location?.key, 'place:kuala-lumpur');
  });

  it('"attended the 11th X Forum, which opened in Beijing on September 13": the forum\'s place and day, not the day of each sideline meeting; "The Office of the Defence Attaché of Y held a reception" is a body\'s reception', () => {
    const r = x([
      'A delegation of the Ministry of National Defence led by Deputy Minister Senior Lieutenant General Hoang Van Nam attended the 11th Beijing Xiangshan Forum, which opened in Beijing on September 13.',
      'On the sidelines of the forum, Nam had a meeting with Russian Deputy Defence Minister Colonel General Ivan Petrov.',
    ].join(' '));
    const [forum] = byKind(r.meetings, 'conference');
    assert.equal(forum?.date?.text, 'September 13');
    assert.equal(forum.location?.key, 'place:beijing');
    const sideline = r.meetings.find((m) => m !== forum && m.participants.has('ivan-petrov'))!;
    assert.equal(sideline.partOf?.id, forum.id);
    assert.equal(sideline.date, undefined, 'the opening day is not the day of every meeting at the forum');
    const office = x('The Office of the Defence Attaché of Indonesia in Vietnam held a reception in Hanoi on October 6 to mark the anniversary of the Indonesian National Armed Forces.');
    assert.ok([...office.organizations.values()].some((o) => o.name.startsWith('Office of the Defence Attaché of Indonesia')), [...office.organizations.values()].map((o) => o.name).join(', '));
  });

  it('"X thanked the ambassador for the organisation of the visit to Japan by Y in September 2023": the speaker takes no part in that earlier visit', () => {
    const r = x('Deputy Minister Senior Lieutenant General Tran Van Hai on July 1 received Japanese Ambassador Sato Hiroshi, who paid a farewell call. Hai thanked the ambassador for the successful organisation of the visit to Japan by Defence Minister General Phan Van Giang in September 2023.');
    const visit = byKind(r.meetings, 'visit').find((m) => m.date?.value === '2023-09')!;
    assert.ok(visit, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...visit.participants.keys()].filter((k) => r.persons.has(k)), ['phan-van-giang']);
  });

  it('"The patrol was led by A, Deputy Commander of Naval Region 5, and B": both lead it', () => {
    const r = x('Naval Region 5 of the Vietnam People\'s Navy and the Royal Cambodian Navy on November 20 conducted their 100th joint patrol. The patrol was led by Senior Colonel Tran Van Binh, Deputy Commander of Naval Region 5, and Rear Admiral Chea Dara, Deputy Commander of the Royal Cambodian Navy.');
    const patrol = r.meetings.find((m) => m.ordinal === 100)!;
    assert.ok(patrol, r.meetings.map((m) => m.label).join(', '));
    for (const p of ['tran-van-binh', 'chea-dara']) assert.ok(patrol.participants.has(p), [...patrol.participants.keys()].join(', '));
  });

  it('the year in the name of the event reported ("Staff Talks 2026", "Navy-2024") dates the days the article gives without one; a plan\'s or a chairmanship\'s year does not', () => {
    const r = x([
      'The Vietnam-Malaysia Navy-to-Navy Staff Talks 2026 were held in Da Nang on April 9, co-chaired by Rear Admiral Tran Van Minh and First Admiral Ahmad Faizal.',
      'On the afternoon of April 9, Vice Admiral Pham Quoc Hung received the Malaysian delegation.',
    ].join(' '));
    const talks = byKind(r.meetings, 'talks')[0];
    assert.equal(talks?.date?.value, '2026-04-09', r.meetings.map((m) => `${m.kind} ${m.date?.text}=${m.date?.value}`).join(', '));
    assert.equal(byKind(r.meetings, 'reception')[0]?.date?.value, '2026-04-09');
    const forum = x('A delegation of the Ministry of National Defence led by Deputy Minister Senior Lieutenant General Hoang Van Nam attended the opening of the naval show "Navy-2024" in Saint Petersburg on July 28. On July 29, Nam met Russian Deputy Defence Minister Colonel General Ivan Petrov.');
    assert.deepEqual(forum.meetings.map((m) => m.date?.value).sort(), ['2024-07-28', '2024-07-29']);
    const plan = x('Senior Lieutenant General Hoang Van Nam received Lao Deputy Minister Major General Khamla Vongsa in Hanoi on March 3. They agreed on the cooperation plan for 2026 and on the preparations for the ASEAN Chair 2026.');
    assert.deepEqual(plan.meetings.map((m) => m.date?.value ?? null), [null]);
  });

  it('an exercise of ships is their navies\': "the X conducted a passing exercise with a ship of the Y Navy", "INS A held a PASSEX with VPNS B"; the countries do not stand beside them', () => {
    const r = x([
      'The Royal Navy offshore patrol vessel HMS Tamar arrived at Cam Ranh on May 3 for a four-day port call.',
      'As she left Cam Ranh on May 7, the Tamar conducted a passing exercise with a ship of the Vietnam People\'s Navy.',
    ].join(' '));
    const drill = r.meetings.find((m) => /exercise/i.test(m.label))!;
    assert.ok(drill, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...drill.participants.keys()].sort(), ['royal-navy', 'vietnam-people-navy'], [...drill.participants.keys()].join(', '));
    const passex = x('The Indian Navy frigate INS Satpura called at Da Nang on June 2. On departure on June 5, INS Satpura conducted a PASSEX with VPNS Dinh Tien Hoang of the Vietnam People\'s Navy.');
    const p = passex.meetings.find((m) => /PASSEX/i.test(m.label))!;
    assert.ok(p, passex.meetings.map((m) => m.label).join(', '));
    for (const k of [...p.participants.keys()]) assert.ok(passex.organizations.has(k), `${k} is a navy, not a country: ${[...p.participants.keys()].join(', ')}`);
    assert.equal(p.participants.size, 2, [...p.participants.keys()].join(', '));
  });

  it('"Since the two ministers met on the sidelines of X last October" is an earlier meeting; ", Li said, citing the 35th joint patrol ..." is one more event, past the speaker', () => {
    const r = x([
      'BEIJING, March 3 (Xinhua) -- Chinese Defense Minister Li Wei held a video call with Vietnamese Minister of National Defense Phan Van Giang on Monday.',
      'Since the two ministers met on the sidelines of the 10th Beijing Xiangshan Forum last October, the two sides have implemented the consensus they reached, Li said, citing the 35th joint patrol in the Beibu Gulf conducted by the navies of the two countries in November.',
    ].join(' '));
    const call = byKind(r.meetings, 'teleconference')[0];
    assert.ok(call, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    const met = r.meetings.find((m) => m !== call && m.kind === 'meeting' && m.participants.has('li-wei'));
    assert.ok(met, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual(people(met!), ['li-wei', 'phan-van-giang']);
    assert.equal(met!.date?.text, 'last October');
    const patrol = r.meetings.find((m) => m.ordinal === 35);
    assert.ok(patrol, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual(people(patrol!), ['china', 'vietnam']);
  });

  it('"thanked the Lao side for its coordination during his official visit to Laos last August": the speaker\'s visit; "his talks earlier in the day with X" are talks of their own with X', () => {
    const r = x([
      'Minister of National Defence General Phan Van Giang on Tuesday received Lao Deputy Minister of National Defence Lieutenant General Khamla Vongsa in Hanoi.',
      'Giang thanked the Lao side for its close coordination during his official visit to Laos last August.',
      'Khamla briefed him on the outcomes of his talks earlier in the day with Deputy Minister of National Defence Senior Lieutenant General Hoang Xuan Chien.',
    ].join(' '));
    const visit = byKind(r.meetings, 'visit').find((m) => m.location?.key === 'country:laos');
    assert.ok(visit, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual(people(visit!), ['phan-van-giang']);
    const talks = r.meetings.find((m) => m.participants.has('hoang-xuan-chien'));
    assert.ok(talks, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.equal(talks!.kind, 'talks');
    assert.deepEqual(people(talks!), ['hoang-xuan-chien', 'khamla-vongsa']);
    assert.ok(!byKind(r.meetings, 'reception')[0]?.participants.has('hoang-xuan-chien'));
  });

  it('"In March 2019, the USS X made a port call in Da Nang" in an article of 2026 is an earlier port call; "Cmdr." is a rank that ends no sentence; "U.S. Navy" and "US Navy" are one body', () => {
    const r = extractArticle('t.txt', [
      'DA NANG (AP) — A U.S. Navy destroyer arrived in Da Nang on Monday for a four-day port call.',
      'On Tuesday, the ship\'s commanding officer, Cmdr. Peter Novak, and U.S. Consul General Laura Benson paid a courtesy call on Vice Chairman Tran Van Long of the Da Nang People\'s Committee.',
      'In March 2019, the aircraft carrier USS Ronald Reagan made a port call in Da Nang, the US Navy said.',
    ].join(' ') + '\n', { published: '2026-05-12' }, { trace: true });
    const call = r.meetings.find((m) => m.participants.has('tran-van-long'))!;
    assert.ok(call, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual(people(call), ['laura-benson', 'peter-novak', 'tran-van-long']);
    assert.ok(r.persons.get('peter-novak')?.ranks.has('Commander'), 'Cmdr. is the rank Commander');
    const visits = byKind(r.meetings, 'visit');
    assert.equal(visits.length, 2, visits.map((m) => `${m.label} ${m.date?.text}`).join(', '));
    assert.equal(visits.find((m) => m.date?.value === '2019-03')?.participants.size, 1);
    assert.equal([...r.organizations.values()].filter((o) => /Navy/.test(o.name)).length, 1, [...r.organizations.values()].map((o) => o.name).join(', '));
  });

  it('"First Admiral X travelled to Hai Phong for bilateral talks with Y"; "paid a courtesy call Wednesday afternoon on Z"; "Last April, the two sides held their annual talks" is an earlier event', () => {
    const r = x([
      'The Commander of the Royal Malaysian Navy, First Admiral Ahmad Rosli bin Hamzah, paid an official visit to Vietnam from September 2 to 5.',
      'On 3 September, First Admiral Ahmad Rosli bin Hamzah travelled to Hai Phong for bilateral talks with Vice Admiral Tran Thanh Nghiem.',
      'He also paid a courtesy call Wednesday afternoon on Deputy Minister of National Defence Senior Lieutenant General Hoang Xuan Chien.',
      'Last April, the two navies held their annual staff talks in Kuala Lumpur.',
    ].join(' '));
    const rosli = 'ahmad-rosli-bin-hamzah';
    assert.ok(r.persons.get(rosli)?.ranks.has('First Admiral'), [...r.persons.keys()].join(', '));
    assert.ok(!r.persons.has('first'));
    const talks = r.meetings.find((m) => m.participants.has('tran-thanh-nghiem'));
    assert.equal(talks?.kind, 'talks', r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual(people(talks!).filter((k) => r.persons.has(k)), [rosli, 'tran-thanh-nghiem']);
    const call = r.meetings.find((m) => m.participants.has('hoang-xuan-chien'));
    assert.ok(call && call !== talks, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    const earlier = r.meetings.find((m) => m.date?.text === 'Last April');
    assert.ok(earlier && earlier !== talks && earlier !== call, r.meetings.map((m) => `${m.kind} ${m.label} ${m.date?.text}`).join(', '));
  });

  it('"the BRP X and a Vietnam People\'s Navy frigate conducted a joint exercise" is the two navies\'; "a Chinese frigate and two Vietnamese warships" with no Chinese navy named stay the countries; "Raksha Mantri Shri X" is X', () => {
    const r = x('MANILA – The Philippine Navy\'s BRP Gregorio del Pilar ended a goodwill visit to Da Nang on Friday. On March 8, the BRP Gregorio del Pilar and a Vietnam People\'s Navy frigate conducted a joint exercise off Da Nang.');
    const drill = r.meetings.find((m) => /exercise/i.test(m.label))!;
    assert.ok(drill, r.meetings.map((m) => m.label).join(', '));
    assert.deepEqual([...drill.participants.keys()].sort(), ['philippines-philippine-navy', 'vietnam-people-navy'].sort(), [...drill.participants.keys()].join(', '));
    const mixed = x('Ships of China and of the Vietnam People\'s Navy held their 30th joint patrol in the Gulf of Tonkin on May 4. During the patrol, a Chinese frigate and two Vietnamese warships conducted a joint search and rescue drill.');
    const sar = mixed.meetings.find((m) => /drill/i.test(m.label));
    assert.ok(sar, mixed.meetings.map((m) => m.label).join(', '));
    assert.ok(!sar!.participants.has('vietnam-people-navy'), [...sar!.participants.keys()].join(', '));
    const india = x('Raksha Mantri Shri Arjun Mehra held bilateral talks with the Minister of National Defence of Vietnam General Phan Van Giang in Hanoi on June 18, 2025. Later in the day, the Raksha Mantri called on the Prime Minister of Vietnam.');
    assert.ok(india.persons.has('arjun-mehra'), [...india.persons.keys()].join(', '));
    assert.ok(byKind(india.meetings, 'talks')[0]?.participants.has('arjun-mehra'));
  });

  it('"X hosted a deck reception aboard the ship, attended by A and B" and "A reception was hosted onboard on 20 June, attended by C" are receptions of their own, with their guests', () => {
    const r = x([
      'The Indian Navy frigate INS Satpura arrived at Cam Ranh on Tuesday for a four-day visit.',
      'On Tuesday evening, Captain Arun Mehta hosted a deck reception aboard the ship, attended by Rear Admiral Tran Van Binh and Vice Chairman of the Khanh Hoa Provincial People\'s Committee Le Huu Tam.',
    ].join(' '));
    const visit = byKind(r.meetings, 'visit')[0];
    const reception = byKind(r.meetings, 'reception')[0];
    assert.ok(visit && reception, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    for (const p of ['arun-mehta', 'tran-van-binh', 'le-huu-tam']) assert.ok(reception.participants.has(p), `${p}: ${[...reception.participants.keys()].join(', ')}`);
    assert.ok(!visit.participants.has('le-huu-tam'), 'the guests of the reception are not made guests of the port call');
    const onboard = x('The Indian Coast Guard ship Sachet made a port call at Ho Chi Minh City from 11 to 14 November 2024. A reception was hosted onboard on 12 November, attended by Consul General of India in Ho Chi Minh City Anjali Raghavan and officials of the Vietnam Coast Guard.');
    const rec = byKind(onboard.meetings, 'reception')[0];
    assert.ok(rec?.participants.has('anjali-raghavan'), onboard.meetings.map((m) => `${m.kind} ${[...m.participants.keys()]}`).join('; '));
    assert.equal(rec.date?.text, '12 November');
  });

  it('"It is the second visit by the X to Vietnam, after it called at Da Nang in 2019": the port call reported, counted, and an earlier one of its navy; "the Chinese People\'s Liberation Army Navy (PLA Navy)" is one body', () => {
    const r = x([
      'Chinese People\'s Liberation Army Navy (PLA Navy) training ship Zheng He arrived at Cam Ranh International Port on Tuesday for a four-day friendly visit.',
      'It is the second visit by the Zheng He to Vietnam, after it called at Tien Sa Port in Da Nang in 2019.',
    ].join(' '));
    const visits = byKind(r.meetings, 'visit');
    assert.equal(visits.length, 2, visits.map((m) => `${m.label} ${m.date?.text}`).join(', '));
    const navies = [...r.organizations.values()].filter((o) => /Navy/.test(o.name));
    assert.equal(navies.length, 1, navies.map((o) => o.name).join(', '));
    const earlier = visits.find((m) => m.date?.value === '2019')!;
    assert.deepEqual([...earlier.participants.keys()], [navies[0].key]);
  });

  it('"Indian Coast Guard Ship (ICGS) Sachet made a port call" is the Indian Coast Guard\'s: a ship named after its service is no body', () => {
    const r = x('Indian Coast Guard Ship (ICGS) Vajra made a port call at Da Nang from 3 to 6 May 2025. On departure, ICGS Vajra undertook a Passage Exercise (PASSEX) with Vietnam Coast Guard Ship CSB 8002.');
    const names = [...r.organizations.values()].map((o) => o.name);
    assert.ok(!names.some((n) => /Ship$/.test(n)), names.join(', '));
    const [visit] = byKind(r.meetings, 'visit');
    assert.deepEqual([...visit.participants.keys()].map((k) => r.organizations.get(k)?.name), ['Indian Coast Guard']);
  });

  it('"the Japanese vice-minister also visited the X Department of Peacekeeping Operations and Military Hospital 175": the vice-minister\'s visit to two bodies', () => {
    const r = x('Minister of National Defence General Phan Van Giang on Tuesday received Japan\'s Vice-Minister of Defense for International Affairs Sato Kenji, who is on a working visit to Vietnam. During his stay, the Japanese vice-minister also visited the Vietnam Department of Peacekeeping Operations and Military Hospital 175 in Ho Chi Minh City.');
    const names = [...r.organizations.values()].map((o) => o.name);
    assert.ok(names.includes('Military Hospital 175') && !names.some((n) => / and Military/.test(n)), names.join(', '));
    const tour = r.meetings.find((m) => [...m.participants.keys()].some((k) => r.organizations.get(k)?.name === 'Military Hospital 175'));
    assert.ok(tour?.participants.has('sato-kenji'), r.meetings.map((m) => `${m.kind} ${[...m.participants.keys()]}`).join('; '));
  });

  it('"briefed her host on her working session with the X Department earlier this week": a meeting of her own with that body', () => {
    const r = x('Deputy Minister of National Defence Senior Lieutenant General Hoang Xuan Chien on Monday received EU Ambassador Anna Berg. Ambassador Berg briefed her host on the outcomes of her working session with the Vietnam Department of Peacekeeping Operations earlier this week.');
    const session = r.meetings.find((m) => [...m.participants.keys()].some((k) => r.organizations.get(k)?.name === 'Vietnam Department of Peacekeeping Operations'));
    assert.ok(session, r.meetings.map((m) => `${m.kind} ${[...m.participants.keys()]}`).join('; '));
    assert.ok(session!.participants.has('anna-berg') && !session!.participants.has('hoang-xuan-chien'), [...session!.participants.keys()].join(', '));
  });

  it('"He thanked her for helping arrange his official visit to Australia in March": the speaker\'s visit; "her visit" would not be his', () => {
    const r = x('Minister of National Defence General Phan Van Giang on Monday received Australian Ambassador Sarah Lyons, who paid a farewell call. At the reception, Gen. Giang praised the ambassador\'s contributions. He thanked her for helping arrange his official visit to Australia in March.');
    const visit = byKind(r.meetings, 'visit').find((m) => m.location?.key === 'country:australia');
    assert.ok(visit, r.meetings.map((m) => `${m.kind} ${m.label}`).join(', '));
    assert.deepEqual(people(visit!), ['phan-van-giang']);
  });

  it('a visit\'s label names its destination whole: "a working visit to the Republic of Austria"', () => {
    const r = x('A delegation of the National Defence Academy led by Lieutenant General Tran Van Hung paid a working visit to the Republic of Austria from October 7 to 11, 2024.');
    const [visit] = byKind(r.meetings, 'visit');
    assert.equal(visit?.label, 'working visit to Republic of Austria', r.meetings.map((m) => m.label).join(', '));
  });

  it('"The ADMM Retreat, chaired by X, is the first ADMM meeting under ..." names no other event; "the 19th ADMM and the ADMM-Plus would be held in November" are to come', () => {
    const r = x([
      'Defence Minister General Phan Van Giang met Malaysian Defence Minister Mohamed Khaled on the sidelines of the ASEAN Defence Ministers\' Meeting (ADMM) Retreat in Penang today.',
      'The ADMM Retreat, chaired by Khaled, is the first ADMM meeting under Malaysia\'s ASEAN Chairmanship 2025.',
      'Khaled said the 19th ADMM and the ADMM-Plus would be held in Kuala Lumpur in November.',
    ].join(' '));
    assert.ok(!r.meetings.some((m) => /first ADMM meeting/i.test(m.label)), r.meetings.map((m) => m.label).join(', '));
    assert.equal(r.meetings.length, 2, r.meetings.map((m) => m.label).join(', '));
    assert.ok(!r.meetings.some((m) => m.ordinal === 19), r.meetings.map((m) => m.label).join(', '));
  });
});
