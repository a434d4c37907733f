"""`edlint serve`: the checking service a CMS calls and the desk page an editor uses.

Needs the ``serve`` extra (Starlette, uvicorn, nh3); nothing here is imported by
``edlint check``. ``app.create_app(ServeSettings(...))`` builds the ASGI application;
``service.CheckService`` does the work (the site's Linter and Workspace, reloads);
``render`` turns a draft into sanitised HTML with each finding marked where it is.
"""
