"""Every named URL appears in a role × page access table, and the pages no app's table covers
have theirs here.

An access table is a parametrized test whose name contains `access` or `matrix` (see
`effectif/employees/tests/test_views.py`): its parameters name pages, by URL name (with or
without the app's namespace, which the module then writes as `f"<app>:{name}"`) or by path. The
meta-test reads them from the source of every test module, plus `ACCESS` below, and lists the
named routes (`django.urls.get_resolver()`, namespaces included) none of them covers. A new page
gets its row in its app's table, or here.

`ACCESS`: for each app (`api` included), its pages and the status each role gets, in `ROLES`
order, on a GET or with the row's method.
Arguments name an object of the `world` fixture (its primary key; `siren` is employer A's), or
`missing` for an identifier no row has (a page that checks the role first answers 403, one
that looks the object up within the user's scope first answers 404); other strings are passed
as they are. Actions and API writes name `missing` objects or send no data, so that nothing is
written and every role is asked about the same state; where every role gets the same 404 or
422, the row only shows that none gets further, and what each may do is left to the app's
own tests.
"""

from __future__ import annotations

import ast
import contextlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

from effectif.accounts.services import api_token_issue

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
MISSING = 999_999

#: (URL name without its namespace, arguments, statuses in ROLES order[, method]): a page that
#: only takes POST (an action) is posted to, with no data; an API operation is called with its
#: method, with a bearer token, and an empty JSON body to write.
Row = tuple[Any, ...]

ACCESS: dict[str, list[Row]] = {
    "api": [
        ("openapi-json", (), [200, 200, 200, 200, 200, 200]),
        ("token", (), [422, 422, 422, 422, 422, 422], "post"),
        ("employers", (), [200, 200, 200, 200, 200, 200]),
        ("employer_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("employer", ("employer",), [200, 200, 200, 200, 200, 404]),
        ("employer_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("establishments", (), [200, 200, 200, 200, 200, 200]),
        ("establishment_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("establishment", ("establishment",), [200, 200, 200, 200, 200, 404]),
        ("establishment_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("departments", (), [200, 200, 200, 200, 200, 200]),
        ("department_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("department", ("team",), [200, 200, 200, 200, 200, 404]),
        ("department_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("positions", (), [200, 200, 200, 200, 200, 200]),
        ("position_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("position", ("position",), [200, 200, 200, 200, 200, 404]),
        ("position_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("employees", (), [200, 200, 200, 200, 200, 200]),
        ("employee_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("employee", ("member",), [200, 200, 200, 200, 200, 404]),
        ("employee_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("employee_change_request", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("contracts", (), [200, 200, 200, 200, 200, 200]),
        ("contract_new", (), [422, 422, 422, 422, 422, 422], "post"),
        ("contract", ("contract",), [200, 200, 200, 200, 200, 404]),
        ("contract_update", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("contract_terms", ("contract",), [200, 200, 200, 200, 200, 404]),
        ("contract_versions", ("contract",), [200, 200, 200, 200, 200, 404]),
        ("contract_amend", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("deadlines", (), [200, 200, 200, 200, 403, 200]),
        ("leave", (), [200, 200, 200, 200, 200, 200]),
        ("leave_request_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("leave_request", ("leave_request",), [200, 200, 200, 200, 200, 404]),
        ("leave_request_approve_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("leave_request_refuse_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("leave_request_cancel_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("leave_balances", ("member",), [200, 200, 200, 200, 200, 404]),
        ("departures", (), [200, 200, 200, 200, 200, 200]),
        ("departure_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("departure", ("departure",), [200, 200, 200, 404, 404, 404]),
        ("departure_steps", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("departure_end", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("departure_close_file", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("personnel_register", ("establishment",), [200, 200, 200, 403, 403, 404]),
        ("candidates", (), [200, 200, 200, 200, 403, 200]),
        ("candidate_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("candidate", ("candidate",), [200, 200, 200, 404, 404, 404]),
        ("candidate_status", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("medical_visits", (), [200, 200, 200, 200, 200, 200]),
        ("medical_visit_create", (), [422, 422, 422, 422, 422, 422], "post"),
        ("medical_visit", ("visit",), [200, 200, 200, 404, 200, 404]),
        ("medical_visit_plan", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("medical_visit_outcome", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("medical_visit_cancel", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("trips", (), [200, 200, 200, 200, 200, 200]),
        ("trip_create_view", (), [422, 422, 422, 422, 422, 422], "post"),
        ("trip", ("trip",), [200, 200, 200, 200, 200, 404]),
        ("trip_update_view", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("option_add_view", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("option_remove_view", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "delete"),
        ("option_choose_view", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_submit_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_approve_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_reject_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_cancel_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("expense_reports", (), [200, 200, 200, 200, 200, 200]),
        ("report_create_view", (), [422, 422, 422, 422, 422, 422], "post"),
        ("expense_report", ("report",), [200, 200, 200, 404, 200, 404]),
        ("report_update_view", ("missing",), [404, 404, 404, 404, 404, 404], "patch"),
        ("line_create_view", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("line_update_view", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "patch"),
        ("line_delete_view", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "delete"),
        ("line_receipt_view", ("missing", "missing"), [422, 422, 422, 422, 422, 422], "post"),
        ("report_submit_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("line_decide_view", ("missing", "missing"), [422, 422, 422, 422, 422, 422], "post"),
        ("report_approve_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("report_check_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("report_reject_view", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("budgets", (), [200, 200, 200, 200, 200, 200]),
        ("budget", ("budget",), [200, 200, 200, 200, 404, 404]),
        ("payroll_periods", (), [200, 200, 200, 403, 403, 200]),
        ("payroll_period", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("payroll_period_prepare", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("payroll_period_compute", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("payroll_period_validate", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("payroll_period_close", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("payroll_elements", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("payroll_element_add", ("missing",), [422, 422, 422, 422, 422, 422], "post"),
        ("payroll_element_delete", ("missing",), [404, 404, 404, 404, 404, 404], "delete"),
        ("payslips", (), [200, 200, 200, 200, 200, 200]),
        ("payslip", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("payslip_pdf", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("api-root", (), [404, 404, 404, 404, 404, 404]),
    ],
    "accounts": [
        ("api_token_revoke", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("api_tokens_revoke", (), [302, 302, 302, 302, 302, 302], "post"),
        ("login", (), [302, 302, 302, 302, 302, 302]),
        ("logout", (), [302, 302, 302, 302, 302, 302], "post"),
        ("password_change", (), [200, 200, 200, 200, 200, 200]),
        ("password_reset", (), [200, 200, 200, 200, 200, 200]),
        ("password_reset_complete", (), [200, 200, 200, 200, 200, 200]),
        ("password_reset_confirm", ("x", "x"), [200, 200, 200, 200, 200, 200]),
        ("password_reset_done", (), [200, 200, 200, 200, 200, 200]),
        ("security", (), [200, 200, 200, 200, 200, 200]),
        ("totp_off", (), [302, 302, 302, 302, 302, 302], "post"),
        ("totp_setup", (), [200, 200, 200, 200, 200, 200]),
        ("totp_verify", (), [302, 302, 302, 302, 302, 302]),
        ("user_api_tokens_revoke", ("missing",), [404, 403, 403, 403, 403, 403], "post"),
    ],
    "budgets": [
        ("create", (), [200, 200, 200, 403, 403, 200]),
        ("delete", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("edit", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("followup", (), [200, 200, 200, 200, 403, 200]),
        ("list", (), [200, 200, 200, 200, 403, 200]),
    ],
    "contracts": [
        ("terms_delete", ("contract", "missing"), [404, 404, 404, 403, 403, 404], "post"),
    ],
    "core": [
        ("health", (), [200, 200, 200, 200, 200, 200]),
    ],
    "dashboards": [
        ("deadlines", (), [200, 200, 200, 200, 403, 200]),
        ("home", (), [200, 200, 200, 200, 200, 200]),
    ],
    "departures": [
        ("cancel", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("checklist", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("close", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("create", (), [200, 200, 200, 403, 403, 200]),
        ("detail", ("departure",), [200, 200, 200, 403, 403, 404]),
        ("end", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("list", (), [200, 200, 200, 403, 403, 200]),
        ("notices", ("employer",), [200, 200, 200, 403, 403, 404]),
        ("payroll", (), [200, 200, 200, 403, 403, 200]),
        ("renew", ("contract",), [404, 404, 404, 403, 403, 404]),
        ("reopen", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
    ],
    "employees": [
        ("api_tokens_revoke", ("member",), [302, 302, 302, 403, 403, 404], "post"),
        ("change_request_decide", ("member",), [404, 404, 404, 403, 403, 404]),
        ("document_delete", ("member", "missing"), [404, 404, 404, 403, 403, 404], "post"),
        ("document_download", ("member", "missing"), [404, 404, 404, 403, 404, 404]),
        ("mine", (), [302, 302, 302, 302, 302, 302]),
    ],
    "health": [
        ("cancel", ("visit",), [200, 200, 200, 404, 403, 404]),
        ("create", ("member",), [200, 200, 200, 403, 403, 404]),
        ("detail", ("visit",), [200, 200, 200, 404, 200, 404]),
        ("employee", ("member",), [200, 200, 200, 403, 200, 404]),
        ("list", (), [200, 200, 200, 403, 403, 200]),
        ("mine", (), [404, 404, 404, 302, 302, 404]),
        ("missed", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("outcome", ("visit",), [200, 200, 200, 404, 403, 404]),
        ("panel", ("member",), [200, 200, 200, 403, 200, 404]),
        ("plan", ("visit",), [200, 200, 200, 404, 403, 404]),
        ("recompute", (), [302, 302, 302, 403, 403, 302], "post"),
        ("recompute_employee", ("member",), [302, 302, 302, 403, 403, 404], "post"),
        ("settings", (), [200, 200, 403, 403, 403, 403]),
        ("settings_edit", ("employer",), [200, 200, 403, 403, 403, 403]),
    ],
    "hiring": [
        ("board", (), [200, 200, 200, 200, 200, 200]),
        ("board_posting", ("posting",), [200, 200, 200, 200, 200, 404]),
        ("candidate", ("candidate",), [200, 200, 200, 404, 403, 404]),
        ("candidate_create", (), [200, 200, 200, 403, 403, 200]),
        ("candidate_cv", ("missing",), [404, 404, 404, 404, 403, 404]),
        ("candidate_delete", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("candidate_edit", ("candidate",), [200, 200, 200, 403, 403, 404]),
        ("candidate_status", ("missing",), [404, 404, 404, 404, 403, 404], "post"),
        ("candidates", (), [200, 200, 200, 200, 403, 200]),
        ("career_list", ("siren",), [200, 200, 200, 200, 200, 200]),
        ("career_posting", ("siren", "2026-001"), [200, 200, 200, 200, 200, 200]),
        ("career_thanks", ("siren", "2026-001"), [200, 200, 200, 200, 200, 200]),
        ("dpae", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("dpae_export", ("missing", "csv"), [404, 404, 404, 403, 403, 404]),
        ("dpae_new", ("contract",), [200, 200, 200, 403, 403, 404]),
        ("dpaes", (), [200, 200, 200, 403, 403, 200]),
        ("hire", ("candidate",), [200, 200, 200, 403, 403, 404]),
        ("interview_create", ("candidate",), [200, 200, 200, 404, 403, 404]),
        ("interview_edit", ("interview",), [200, 200, 200, 404, 403, 404]),
        ("letter_create", ("missing", "x"), [404, 404, 404, 403, 403, 404], "post"),
        ("letter_download", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("letter_send", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("onboarding", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("onboarding_template", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("onboarding_template_create", (), [200, 200, 200, 403, 403, 200]),
        ("onboarding_templates", (), [200, 200, 200, 403, 403, 200]),
        ("onboardings", (), [200, 200, 200, 200, 200, 200]),
        ("posting", ("posting",), [200, 200, 200, 404, 403, 404]),
        ("posting_check", (), [403, 403, 403, 403, 403, 403], "post"),
        ("posting_create", (), [200, 200, 200, 403, 403, 200]),
        ("posting_edit", ("posting",), [200, 200, 200, 403, 403, 404]),
        ("posting_export", ("posting", "csv"), [403, 403, 403, 404, 403, 404]),
        ("posting_status", ("missing", "x"), [404, 404, 404, 403, 403, 404], "post"),
        ("postings", (), [200, 200, 200, 200, 403, 200]),
        ("requisition", ("requisition",), [200, 200, 200, 404, 403, 404]),
        ("requisition_create", (), [200, 200, 200, 200, 403, 200]),
        ("requisition_decide", ("missing", "x"), [404, 404, 404, 403, 403, 404], "post"),
        ("requisition_edit", ("requisition",), [200, 200, 200, 404, 403, 404]),
        ("requisitions", (), [200, 200, 200, 200, 403, 200]),
        ("task_create", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("task_toggle", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("term_edit", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("term_remove", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("terms", (), [200, 200, 200, 403, 403, 200]),
    ],
    "imports": [
        ("cancel", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("confirm", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("errors_export", ("missing", "csv"), [404, 404, 404, 404, 404, 404]),
        ("preview", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("result", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("start", (), [200, 200, 200, 403, 403, 403]),
        ("template", ("csv",), [200, 200, 200, 403, 403, 403]),
    ],
    "leave": [
        ("absence_new", (), [404, 404, 404, 403, 403, 404]),
        ("adjust", ("member",), [200, 200, 200, 403, 403, 404]),
        ("balances", (), [200, 200, 200, 403, 403, 200]),
        ("closing", (), [200, 200, 200, 403, 403, 200]),
        ("mine", (), [302, 302, 302, 200, 200, 302]),
        ("notifications", (), [200, 200, 200, 200, 200, 200]),
        ("pay", (), [200, 200, 200, 403, 403, 200]),
        ("request_approve", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("request_cancel", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("request_detail", ("leave_request",), [200, 200, 200, 200, 200, 404]),
        ("request_new", (), [404, 404, 404, 200, 200, 404]),
        ("request_preview", (), [404, 404, 404, 200, 200, 404]),
        ("request_refuse", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("requests", (), [200, 200, 200, 200, 403, 200]),
        ("statement", ("member",), [200, 200, 200, 200, 200, 404]),
        ("type_defaults", (), [404, 404, 404, 403, 403, 404], "post"),
        ("type_edit", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("type_new", (), [404, 404, 404, 403, 403, 404]),
        ("types", (), [200, 200, 200, 403, 403, 200]),
    ],
    "organisation": [
        ("employer_grant", ("employer",), [302, 403, 403, 403, 403, 403], "post"),
        ("employer_revoke", ("employer", "missing"), [404, 403, 403, 403, 403, 403], "post"),
        ("health_service_create", (), [200, 200, 403, 403, 403, 403]),
        ("health_service_edit", ("missing",), [404, 404, 403, 403, 403, 403]),
        ("position_create", (), [200, 200, 200, 403, 403, 200]),
        ("user_edit", ("missing",), [404, 403, 403, 403, 403, 403]),
    ],
    "planning": [
        ("day", ("member", "2026-03-10"), [200, 200, 200, 200, 403, 404]),
        ("feed", (), [404, 404, 404, 200, 200, 404]),
        ("grid", (), [200, 200, 200, 200, 403, 200]),
        ("ics", ("x",), [404, 404, 404, 404, 404, 404]),
        ("mine", (), [302, 302, 302, 200, 200, 302]),
        ("staffing", (), [200, 200, 200, 200, 403, 200]),
        ("staffing_edit", ("missing",), [404, 404, 404, 404, 403, 404]),
    ],
    "privacy": [
        ("audit_log", (), [200, 200, 403, 403, 403, 403]),
        ("export_download", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("export_status", ("missing",), [404, 404, 404, 404, 404, 404]),
        ("my_data_export", (), [403, 403, 403, 302, 302, 403], "post"),
        ("request_answer", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
        ("request_archive", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
        ("request_erase", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
        ("request_extend", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
        ("request_record", ("missing",), [404, 404, 403, 403, 403, 403], "post"),
    ],
    "register": [
        ("detail", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("index", (), [200, 200, 200, 403, 403, 200]),
    ],
    "timekeeping": [
        ("assignment_delete", ("member", "missing"), [404, 404, 404, 403, 403, 404], "post"),
        ("clock_cancel", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("clock_confirm", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("clock_errors_export", ("missing", "csv"), [404, 404, 404, 403, 403, 404]),
        ("clock_template", ("csv",), [200, 200, 200, 403, 403, 200]),
        ("sheet_validate", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
    ],
    "travel": [
        ("batch_create", (), [302, 302, 302, 403, 403, 302], "post"),
        ("batch_download", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("employee_vehicles", ("member",), [200, 200, 200, 403, 403, 404]),
        ("fare_create", (), [200, 200, 200, 403, 403, 200]),
        ("fare_delete", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("fare_edit", ("missing",), [404, 404, 404, 403, 403, 404]),
        ("fares", (), [200, 200, 200, 403, 403, 200]),
        ("line_add", ("report",), [200, 200, 200, 404, 200, 404]),
        ("line_decide", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "post"),
        ("line_delete", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "post"),
        ("line_edit", ("report", "line"), [200, 200, 200, 404, 200, 404]),
        ("mission_order", ("trip",), [404, 404, 404, 404, 404, 404]),
        ("my_reports", (), [404, 404, 404, 200, 200, 404]),
        ("my_trips", (), [200, 200, 200, 200, 200, 200]),
        ("my_vehicles", (), [404, 404, 404, 200, 200, 404]),
        ("option_add", ("trip",), [403, 403, 403, 403, 403, 404]),
        ("option_choose", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "post"),
        ("option_remove", ("missing", "missing"), [404, 404, 404, 404, 404, 404], "post"),
        ("payment_method", ("missing",), [404, 404, 404, 403, 403, 404], "post"),
        ("payments", (), [200, 200, 200, 403, 403, 200]),
        ("payroll_elements", (), [200, 200, 200, 403, 403, 200]),
        ("payroll_hand_over", (), [404, 404, 404, 403, 403, 404], "post"),
        ("policy", (), [200, 302, 403, 403, 403, 403]),
        ("policy_edit", ("employer",), [200, 200, 403, 403, 403, 403]),
        ("receipt", ("report", "line"), [404, 404, 404, 404, 404, 404]),
        ("report", ("report",), [200, 200, 200, 404, 200, 404]),
        ("report_approve", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("report_check", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("report_create", (), [200, 200, 200, 200, 200, 404]),
        ("report_edit", ("report",), [200, 200, 200, 404, 200, 404]),
        ("report_reject", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("report_submit", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("reports", (), [200, 200, 200, 200, 403, 200]),
        ("trip", ("trip",), [200, 200, 200, 200, 200, 404]),
        ("trip_approve", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_cancel", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_create", (), [200, 200, 200, 200, 200, 403]),
        ("trip_edit", ("trip",), [403, 403, 403, 403, 403, 404]),
        ("trip_reject", ("trip",), [403, 403, 403, 200, 403, 404]),
        ("trip_submit", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("trip_travellers", (), [200, 200, 200, 200, 200, 403]),
        ("trips", (), [200, 200, 200, 200, 403, 200]),
        ("vehicle_create", ("member",), [200, 200, 200, 403, 200, 404]),
        ("vehicle_delete", ("missing",), [404, 404, 404, 404, 404, 404], "post"),
        ("vehicle_edit", ("missing",), [404, 404, 404, 404, 404, 404]),
    ],
}


@pytest.fixture
def rows(world: Any, hr_manager: Any, employee_user: Any, time_machine: Any) -> Any:
    """The `world`, and a row of each kind the pages show: the employee's leave request,
    medical visit, trip and expense report (with a line), a colleague's departure, a
    requisition, a posting and its candidate with an interview, the team's budget."""
    import datetime as dt
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from effectif.api.tests.travel_builders import meal, report_draft, trip_submitted
    from effectif.budgets.models import Budget
    from effectif.contracts.models import Contract
    from effectif.departures.services import departure_start
    from effectif.health.models import VisitKind
    from effectif.health.services import visit_create
    from effectif.hiring.models import PostingStatus
    from effectif.hiring.tests.factories import (
        CandidateFactory,
        InterviewFactory,
        JobPostingFactory,
        JobRequisitionFactory,
    )
    from effectif.leave.acquisitions import acquisitions_post
    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import LeaveType
    from effectif.leave.services import leave_request_submit
    from effectif.rules.leave.counting import Span

    time_machine.move_to(dt.datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
    leave_types_install_defaults(employer=world.employer, by=None)
    paid_leave = LeaveType.objects.get(employer=world.employer, code="cp")
    acquisitions_post(leave_type=paid_leave, up_to=dt.date(2026, 5, 31))
    world.leave_request = leave_request_submit(
        employee=world.member,
        leave_type=paid_leave,
        span=Span(dt.date(2026, 6, 8), dt.date(2026, 6, 8)),
        by=employee_user,
    ).request
    world.departure = departure_start(
        contract=Contract.objects.get(employee=world.colleague),
        reason="licenciement_personnel",
        by=hr_manager,
    )
    world.posting = JobPostingFactory(
        position=world.position, reference="2026-001", status=PostingStatus.PUBLISHED
    )
    world.candidate = CandidateFactory(posting=world.posting)
    world.interview = InterviewFactory(candidate=world.candidate)
    world.requisition = JobRequisitionFactory(position=world.position)
    world.visit = visit_create(
        employee=world.member,
        kind=VisitKind.VIP_INITIAL,
        due_date=dt.date(2026, 7, 1),
        by=hr_manager,
    )
    world.trip = trip_submitted(world.member, employee_user)
    world.report = report_draft(world.member, employee_user, meal())
    world.line = world.report.lines.get()
    world.budget = Budget.objects.create(department=world.team, year=2026, amount=Decimal(6000))
    return world


def _argument(rows: Any, token: str) -> Any:
    if token == "missing":
        return MISSING
    if token == "siren":
        return rows.employer.siren
    if hasattr(rows, token):
        return getattr(rows, token).pk
    return token


def _call(app: str, user: Any, url: str, method: str) -> int:
    """The status `user` gets: on a page, in a session of its own (logging out ends only its
    own); on the API, with a bearer token and, to write, an empty JSON body."""
    if app != "api":
        client = Client()
        client.force_login(user)
        return int(getattr(client, method)(url).status_code)
    raw, _token = api_token_issue(user=user)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    if method == "get":
        return int(client.get(url).status_code)
    return int(getattr(client, method)(url, "{}", content_type="application/json").status_code)


@pytest.mark.parametrize("app", sorted(ACCESS))
def test_access_table(request: pytest.FixtureRequest, rows: Any, app: str) -> None:
    users = [request.getfixturevalue(role) for role in ROLES]
    wrong = []
    for name, args, expected, *method in ACCESS[app]:
        url = reverse(f"{app}:{name}", args=[_argument(rows, token) for token in args])
        got = [_call(app, user, url, method[0] if method else "get") for user in users]
        if got != expected:
            post = f", {method[0]!r}" if method else ""
            wrong.append(f"({name!r}, {args!r}, {got}{post}),  # {url}")
    assert not wrong, "\n".join(wrong)


# --- The meta-test ---------------------------------------------------------------------------


def named_routes() -> set[str]:
    """Every named URL pattern, with its namespaces (`leave:requests`, `api:trips`)."""
    names: set[str] = set()

    def walk(patterns: list[Any], namespaces: list[str]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                names.add(":".join([*namespaces, pattern.name]))

    walk(get_resolver().url_patterns, [])
    return names


def _namespaces_written(tree: ast.AST) -> set[str]:
    """The namespaces a module puts before a name it is given: `f"leave:{name}"`."""
    return {
        node.values[0].value[:-1]
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        and node.values
        and isinstance(node.values[0], ast.Constant)
        and re.fullmatch(r"[a-z_]+:", str(node.values[0].value))
    }


def _table_strings(function: ast.FunctionDef) -> set[str]:
    strings = set()
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "parametrize"
            and len(decorator.args) >= 2
        ):
            strings |= {
                node.value
                for node in ast.walk(decorator.args[1])
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            }
    return strings


def routes_in_tables(names: set[str]) -> set[str]:
    """The named routes the access tables of the test modules name, and those of `ACCESS`."""
    found = {f"{app}:{row[0]}" for app, rows in ACCESS.items() for row in rows}
    root = Path(__file__).resolve().parent.parent
    for path in root.rglob("tests/test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        namespaces = _namespaces_written(tree)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or not re.search(
                "access|matrix", function.name
            ):
                continue
            for text in _table_strings(function):
                if text in names:
                    found.add(text)
                elif text.startswith("/"):
                    with contextlib.suppress(Resolver404):
                        found.add(resolve(re.sub(r"\{[^}]*\}", "1", text)).view_name)
                else:
                    found |= {f"{ns}:{text}" for ns in namespaces} & names
    return found


def test_every_named_route_is_in_an_access_table() -> None:
    names = named_routes()
    missing = names - routes_in_tables(names)
    assert not missing, f"{len(missing)} routes in no access table: {sorted(missing)}"
