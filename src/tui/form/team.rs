//! The team itself, without a text editor: a new member, a member's roles, FTE, expertise,
//! youth authority and end date, a period of leave, and the caseload norm. Everything is
//! written to `team.ron` through the same guarded, atomic save as the rest.

use super::{Field, FormError, FormSpec, PickField, TextField, date, optional_date, required};
use crate::domain::lenient::{parse_list, parse_role};
use crate::domain::{CaseloadNorm, Role, Team};
use crate::i18n::week::{TeamText, team_edit_error};
use crate::session::{self, NewMember, TeamEditError};
use crate::tui::app::App;
use crate::tui::msg::Effect;

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn number(field: &TextField, label: TeamText, lang: crate::i18n::Lang) -> Result<f32, FormError> {
    let v = field.value().trim().replace(',', ".");
    v.parse::<f32>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| {
            FormError::Text(
                TeamText::BadNumber
                    .text(lang)
                    .replace("{field}", label.text(lang)),
            )
        })
}

fn roles(field: &TextField, lang: crate::i18n::Lang) -> Result<Vec<Role>, FormError> {
    let list = parse_list(&field.value(), parse_role)
        .map_err(|bad| FormError::Text(TeamText::UnknownRole.text(lang).replace("{role}", &bad)))?;
    if list.is_empty() {
        return Err(FormError::Required(field.label().to_string()));
    }
    Ok(list)
}

fn words(field: &TextField) -> Vec<String> {
    field
        .value()
        .split([',', ';'])
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn team_error(e: TeamEditError, lang: crate::i18n::Lang) -> FormError {
    FormError::Text(team_edit_error(&e, lang))
}

/// Replaces the team and saves it.
fn set_team(app: &mut App, team: Team) -> Result<Vec<Effect>, FormError> {
    let td = app.team_data_mut().ok_or(FormError::NoMeeting)?;
    td.team = team;
    Ok(vec![Effect::SaveTeam])
}

/// A member, new (`id: None`) or as they are.
#[derive(Debug, Clone)]
pub struct MemberForm {
    title: String,
    pub id: Option<String>,
    pub name: TextField,
    pub roles: TextField,
    pub fte: TextField,
    pub expertise: TextField,
    pub youth: PickField<bool>,
    pub start: TextField,
    pub end: TextField,
}

impl MemberForm {
    pub fn add(app: &App) -> Self {
        let lang = app.lang;
        let t = |x: TeamText| x.text(lang);
        MemberForm {
            title: t(TeamText::AddMember).into(),
            id: None,
            name: TextField::new(t(TeamText::Name), "", false),
            roles: TextField::new(t(TeamText::Roles), "wijkcoach", false),
            fte: TextField::new(t(TeamText::Fte), "0,8", false),
            expertise: TextField::new(t(TeamText::Expertise), "", false),
            youth: PickField::new(t(TeamText::Youth), super::intake::yes_no(lang), Some(&true)),
            start: TextField::new(
                t(TeamText::Start),
                &app.today.format("%d-%m-%Y").to_string(),
                false,
            ),
            end: TextField::new(t(TeamText::End), "", false),
        }
    }

    pub fn edit(app: &App, id: &str) -> Option<Self> {
        let lang = app.lang;
        let t = |x: TeamText| x.text(lang);
        let m = app.team_data()?.team.member(id)?;
        let fmt = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%d-%m-%Y").to_string());
        Some(MemberForm {
            title: t(TeamText::EditMember).replace("{name}", &m.name),
            id: Some(id.to_string()),
            name: TextField::new(t(TeamText::Name), &m.name, false),
            roles: TextField::new(t(TeamText::Roles), &roles_text(&m.roles), false),
            fte: TextField::new(t(TeamText::Fte), &m.fte.to_string(), false),
            expertise: TextField::new(t(TeamText::Expertise), &m.expertise.join(", "), false),
            youth: PickField::new(
                t(TeamText::Youth),
                super::intake::yes_no(lang),
                Some(&m.youth_authority),
            ),
            start: TextField::new(t(TeamText::Start), &fmt(m.start).unwrap_or_default(), false),
            end: TextField::new(t(TeamText::End), &fmt(m.end).unwrap_or_default(), false),
        })
    }
}

impl FormSpec for MemberForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        let mut v: Vec<(&'static str, &dyn Field)> = Vec::new();
        if self.id.is_none() {
            v.push(("naam", &self.name));
        }
        v.extend([
            ("rollen", &self.roles as &dyn Field),
            ("fte", &self.fte),
            ("expertise", &self.expertise),
            ("jeugd", &self.youth),
        ]);
        if self.id.is_none() {
            v.push(("start", &self.start));
        } else {
            v.push(("einde", &self.end));
        }
        v
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        let new = self.id.is_none();
        let mut v: Vec<(&'static str, &mut dyn Field)> = Vec::new();
        if new {
            v.push(("naam", &mut self.name));
        }
        v.push(("rollen", &mut self.roles));
        v.push(("fte", &mut self.fte));
        v.push(("expertise", &mut self.expertise));
        v.push(("jeugd", &mut self.youth));
        if new {
            v.push(("start", &mut self.start));
        } else {
            v.push(("einde", &mut self.end));
        }
        v
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let lang = app.lang;
        let today = app.today;
        let team = app.team_data().ok_or(FormError::NoMeeting)?.team.clone();
        let roles = roles(&self.roles, lang)?;
        let fte = number(&self.fte, TeamText::Fte, lang)?;
        let expertise = words(&self.expertise);
        let youth = self.youth.value().copied().unwrap_or(true);
        let team = match &self.id {
            None => {
                let new = NewMember {
                    name: required(&self.name)?,
                    roles,
                    fte,
                    expertise,
                    youth_authority: youth,
                    start: optional_date(&self.start, today)?,
                };
                let (t, id) = session::add_member(&team, new).map_err(|e| team_error(e, lang))?;
                app.info(TeamText::Added.text(lang).replace("{id}", &id));
                t
            }
            Some(id) => {
                let end = optional_date(&self.end, today)?;
                let t = session::set_roles(&team, id, roles).map_err(|e| team_error(e, lang))?;
                let t = session::set_fte(&t, id, fte).map_err(|e| team_error(e, lang))?;
                let t =
                    session::set_expertise(&t, id, expertise).map_err(|e| team_error(e, lang))?;
                let t =
                    session::set_youth_authority(&t, id, youth).map_err(|e| team_error(e, lang))?;
                session::set_end(&t, id, end).map_err(|e| team_error(e, lang))?
            }
        };
        set_team(app, team)
    }
}

/// A period of long leave of a member.
#[derive(Debug, Clone)]
pub struct LeaveForm {
    title: String,
    pub id: String,
    pub from: TextField,
    pub until: TextField,
}

impl LeaveForm {
    pub fn build(app: &App, id: &str) -> Option<Self> {
        let lang = app.lang;
        let m = app.team_data()?.team.member(id)?;
        Some(LeaveForm {
            title: TeamText::Leave.text(lang).replace("{name}", &m.name),
            id: id.to_string(),
            from: TextField::new(
                TeamText::From.text(lang),
                &app.today.format("%d-%m-%Y").to_string(),
                false,
            ),
            until: TextField::new(TeamText::Until.text(lang), "", false),
        })
    }
}

impl FormSpec for LeaveForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("van", &self.from), ("tot", &self.until)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("van", &mut self.from), ("tot", &mut self.until)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let lang = app.lang;
        let from = date(&self.from, app.today)?;
        let until = optional_date(&self.until, app.today)?;
        let team = app.team_data().ok_or(FormError::NoMeeting)?.team.clone();
        let t =
            session::add_leave(&team, &self.id, from, until).map_err(|e| team_error(e, lang))?;
        set_team(app, t)
    }
}

/// The caseload norm of the team.
#[derive(Debug, Clone)]
pub struct NormForm {
    title: String,
    pub per_fte: TextField,
    pub licht: TextField,
    pub midden: TextField,
    pub zwaar: TextField,
}

impl NormForm {
    pub fn build(app: &App) -> Option<Self> {
        let lang = app.lang;
        let n = &app.team_data()?.team.caseload_norm;
        let f = |x: f32| x.to_string();
        Some(NormForm {
            title: TeamText::Norm.text(lang).into(),
            per_fte: TextField::new(TeamText::PerFte.text(lang), &f(n.cases_per_fte), false),
            licht: TextField::new(TeamText::WeightLicht.text(lang), &f(n.weight_licht), false),
            midden: TextField::new(
                TeamText::WeightMidden.text(lang),
                &f(n.weight_midden),
                false,
            ),
            zwaar: TextField::new(TeamText::WeightZwaar.text(lang), &f(n.weight_zwaar), false),
        })
    }
}

impl FormSpec for NormForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("per-fte", &self.per_fte),
            ("licht", &self.licht),
            ("midden", &self.midden),
            ("zwaar", &self.zwaar),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("per-fte", &mut self.per_fte),
            ("licht", &mut self.licht),
            ("midden", &mut self.midden),
            ("zwaar", &mut self.zwaar),
        ]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let lang = app.lang;
        let norm = CaseloadNorm {
            cases_per_fte: number(&self.per_fte, TeamText::PerFte, lang)?,
            weight_licht: number(&self.licht, TeamText::WeightLicht, lang)?,
            weight_midden: number(&self.midden, TeamText::WeightMidden, lang)?,
            weight_zwaar: number(&self.zwaar, TeamText::WeightZwaar, lang)?,
        };
        let team = app.team_data().ok_or(FormError::NoMeeting)?.team.clone();
        let t = session::set_norm(&team, norm).map_err(|e| team_error(e, lang))?;
        set_team(app, t)
    }
}
